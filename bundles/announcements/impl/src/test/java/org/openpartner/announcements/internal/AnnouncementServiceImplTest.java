package org.openpartner.announcements.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.junit.Test;
import org.openpartner.announcements.api.AnnouncementService;
import org.openpartner.announcements.api.dto.Announcement;
import org.openpartner.announcements.api.dto.AnnouncementInput;
import org.openpartner.interconnect.api.AppService;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.ObjectAccess;

public class AnnouncementServiceImplTest {

    private static final CallContext STAFF = new CallContext("u1", "staff", "Staff", "t1", "t1", Set.of(), true, false);
    private static final CallContext CLERK = new CallContext("u2", "clerk", "Clerk", "t1", "t1", Set.of(), false, false);
    private static final CallContext DEALER = new CallContext("u3", null, "Dealer", "t1", "c1", Set.of("dealer-personnel"),
        false, false, "c1");

    private final EntityManagerFactory emf = mock(EntityManagerFactory.class);
    private final EntityManager em = mock(EntityManager.class);
    private final AppService apps = mock(AppService.class);
    private final AccessControl access = mock(AccessControl.class);
    private final AnnouncementServiceImpl service;

    public AnnouncementServiceImplTest() {
        when(emf.createEntityManager()).thenReturn(em);
        when(em.getTransaction()).thenReturn(mock(EntityTransaction.class));
        service = new AnnouncementServiceImpl(emf, apps, mock(EventPublisher.class), access);
    }

    @Test
    public void inputIsValidatedFieldByField() {
        assertRefused("title", () -> AnnouncementServiceImpl.validate(new AnnouncementInput(" ", "text", null, null)));
        assertRefused("title", () -> AnnouncementServiceImpl.validate(new AnnouncementInput("x".repeat(201), "text", null, null)));
        assertRefused("body", () -> AnnouncementServiceImpl.validate(new AnnouncementInput("Title", "  ", null, null)));
        assertRefused("body", () -> AnnouncementServiceImpl.validate(new AnnouncementInput("Title", "x".repeat(20_001), null, null)));
        assertEquals(new AnnouncementServiceImpl.Valid("Spring promotion", "10 % off", true),
            AnnouncementServiceImpl.validate(new AnnouncementInput("  Spring   promotion ", " 10 % off ", true, null)));
    }

    @Test
    public void onlyChannelStaffPost() {
        try {
            service.publish(CLERK, new AnnouncementInput("Title", "Body", false, null));
            fail();
        } catch (ApiException e) {
            assertEquals(403, e.status());
        }
        try {
            service.publish(DEALER, new AnnouncementInput("Title", "Body", false, null));
            fail();
        } catch (ApiException e) {
            assertEquals(403, e.status());
        }
    }

    @Test
    public void externalReadersPassTheAppGateBeforeAnyRead() {
        doThrow(ApiException.forbidden("app_not_enabled", "the app is not enabled for your company", null))
            .when(apps).requireAccess(any(), any());
        try {
            service.list(DEALER, PageRequest.first(10));
            fail();
        } catch (ApiException e) {
            assertEquals("app_not_enabled", e.code());
        }
        verify(apps).requireAccess(DEALER, AnnouncementService.APP_ID);
        verifyNoMoreInteractions(apps);
        verify(em, org.mockito.Mockito.never()).createQuery(any(String.class), any());
    }

    @Test
    public void externalReadersNeedARoleThatMayViewAnnouncements() {
        when(access.access(DEALER, AnnouncementService.OBJECT))
            .thenReturn(new ObjectAccess(AnnouncementObject.DEFINITION, Set.of(), Map.of()));
        try {
            service.get(DEALER, "a1");
            fail();
        } catch (ApiException e) {
            assertEquals(403, e.status());
            assertEquals("action_not_permitted", e.code());
        }
        verify(em, org.mockito.Mockito.never()).find(any(), any());
    }

    @Test
    public void theAccessModelKnowsEveryPropertyOfTheAnswers() {
        assertEquals(Arrays.stream(Announcement.class.getRecordComponents()).map(RecordComponent::getName).toList(),
            AnnouncementObject.DEFINITION.fields().stream().map(FieldDefinition::name).toList());
    }

    private static void assertRefused(String field, Runnable work) {
        try {
            work.run();
            fail("expected a refusal of " + field);
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals(field, e.field());
        }
    }
}
