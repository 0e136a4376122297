package org.openpartner.platform.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Response;

import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.openpartner.platform.api.spi.OwnBodyLimit;

public class BodySizeFilterTest {

    private final BodySizeFilter filter = new BodySizeFilter(100);

    @Test
    public void aDeclaredLengthOverTheLimitIsRefusedAtOnce() {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getLength()).thenReturn(101);
        filter.filter(request);
        ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
        verify(request).abortWith(response.capture());
        assertEquals(413, response.getValue().getStatus());
    }

    @Test
    public void anUndeclaredBodyIsCutWhileReading() throws Exception {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getLength()).thenReturn(-1);
        when(request.hasEntity()).thenReturn(true);
        when(request.getEntityStream()).thenReturn(new ByteArrayInputStream(new byte[150]));
        filter.filter(request);
        verify(request, never()).abortWith(any());
        ArgumentCaptor<InputStream> limited = ArgumentCaptor.forClass(InputStream.class);
        verify(request).setEntityStream(limited.capture());
        try {
            limited.getValue().readAllBytes();
            fail("read past the limit");
        } catch (BodyTooLargeException expected) {
            assertEquals("request body exceeds 100 bytes", expected.getMessage());
        }
    }

    @Test
    public void aBodyWithinTheLimitPassesWhole() throws Exception {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getLength()).thenReturn(100);
        when(request.hasEntity()).thenReturn(true);
        when(request.getEntityStream()).thenReturn(new ByteArrayInputStream(new byte[100]));
        filter.filter(request);
        ArgumentCaptor<InputStream> limited = ArgumentCaptor.forClass(InputStream.class);
        verify(request).setEntityStream(limited.capture());
        assertEquals(100, limited.getValue().readAllBytes().length);
    }

    static class Uploads {
        @OwnBodyLimit
        public void upload() {
        }

        public void update() {
        }
    }

    @Test
    public void anUploadWithItsOwnLimitIsLeftAlone() throws Exception {
        filter.resource = resource(Uploads.class.getMethod("upload"));
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getLength()).thenReturn(10_000);
        when(request.hasEntity()).thenReturn(true);
        filter.filter(request);
        verify(request, never()).abortWith(any());
        verify(request, never()).setEntityStream(any());
    }

    @Test
    public void anOrdinaryMethodKeepsThePlatformLimit() throws Exception {
        filter.resource = resource(Uploads.class.getMethod("update"));
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getLength()).thenReturn(101);
        filter.filter(request);
        verify(request).abortWith(any());
    }

    private static ResourceInfo resource(java.lang.reflect.Method method) {
        ResourceInfo info = mock(ResourceInfo.class);
        when(info.getResourceMethod()).thenReturn(method);
        org.mockito.Mockito.<Class<?>>when(info.getResourceClass()).thenReturn(Uploads.class);
        return info;
    }
}
