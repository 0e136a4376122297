package org.openpartner.platform.internal.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.openpartner.platform.api.spi.OwnBodyLimit;

/**
 * Refuses bodies over the limit with 413: at once when Content-Length says so, else while reading (chunked).
 * Runs after matching (bodies are read only when the method is invoked) so that a method marked
 * {@link OwnBodyLimit}, an upload with its own limit, is left to enforce it.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeFilter implements ContainerRequestFilter {

    private volatile long maxBytes;

    @Context
    ResourceInfo resource;

    public BodySizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public void setMaxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (ownLimit()) {
            return;
        }
        long limit = maxBytes;
        if (request.getLength() > limit) {
            request.abortWith(tooLarge(limit));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
        }
    }

    private boolean ownLimit() {
        ResourceInfo info = resource;
        if (info == null || info.getResourceMethod() == null) {
            return false;
        }
        return info.getResourceMethod().isAnnotationPresent(OwnBodyLimit.class)
            || (info.getResourceClass() != null && info.getResourceClass().isAnnotationPresent(OwnBodyLimit.class));
    }

    static Response tooLarge(long limit) {
        return Response.status(413).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(ErrorBody.of("payload_too_large", "request body exceeds " + limit + " bytes")).build();
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
