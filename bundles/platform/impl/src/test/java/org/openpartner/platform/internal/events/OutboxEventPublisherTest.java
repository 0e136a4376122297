package org.openpartner.platform.internal.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import org.apache.openjpa.persistence.OpenJPAEntityManager;
import org.apache.openjpa.persistence.OpenJPAEntityTransaction;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.openpartner.platform.api.dto.DomainEvent;

public class OutboxEventPublisherTest {

    private final OpenJPAEntityManager em = mock(OpenJPAEntityManager.class);
    private final OpenJPAEntityTransaction transaction = mock(OpenJPAEntityTransaction.class);
    private final Connection connection = mock(Connection.class);
    private final PreparedStatement outbox = mock(PreparedStatement.class);
    private final PreparedStatement audit = mock(PreparedStatement.class);
    private final OutboxEventPublisher publisher = new OutboxEventPublisher();

    @Before
    public void wire() throws Exception {
        when(em.getTransaction()).thenReturn(transaction);
        when(transaction.isActive()).thenReturn(true);
        when(em.getConnection()).thenReturn(connection);
        when(connection.getAutoCommit()).thenReturn(false);
        when(connection.prepareStatement(OutboxEventPublisher.INSERT)).thenReturn(outbox);
        when(connection.prepareStatement(OutboxEventPublisher.AUDIT)).thenReturn(audit);
    }

    private static DomainEvent event(String type, String tenant) {
        return new DomainEvent(type, tenant, "Partner", "partner-1", "user-1", "Partner 'Acme' created",
            Map.of("name", "Acme"));
    }

    @Test
    public void writesEachEventToTheOutboxAndATenantsEventsToItsAuditTrailInOneBatchEach() throws Exception {
        publisher.publishAll(em, List.of(event("partner.created", "tenant-1"), event("platform.started", null),
            event("partner.updated", "tenant-1")));

        verify(em).flush();
        verify(outbox, times(3)).addBatch();
        verify(outbox).executeBatch();
        // The tenant-less event has no audit entry; the others have one each, in the change's transaction.
        verify(audit, times(2)).addBatch();
        verify(audit).executeBatch();
        ArgumentCaptor<String> outboxIds = ArgumentCaptor.forClass(String.class);
        verify(outbox, times(3)).setString(eq(1), outboxIds.capture());
        ArgumentCaptor<String> auditIds = ArgumentCaptor.forClass(String.class);
        verify(audit, times(2)).setString(eq(1), auditIds.capture());
        // An audit entry carries its event's id: the trail and the stream name the same event.
        assertEquals(List.of(outboxIds.getAllValues().get(0), outboxIds.getAllValues().get(2)), auditIds.getAllValues());
        verify(audit, times(2)).setString(8, "{\"name\":\"Acme\"}");
        verify(connection).close();
    }

    @Test
    public void noAuditBatchWhenNoEventBelongsToATenant() throws Exception {
        publisher.publishAll(em, List.of(event("platform.started", null)));
        verify(outbox).executeBatch();
        verify(audit, never()).addBatch();
        verify(audit, never()).executeBatch();
    }

    @Test
    public void refusesToPublishOutsideTheChangesTransaction() throws Exception {
        when(transaction.isActive()).thenReturn(false);
        assertThrows(IllegalStateException.class, () -> publisher.publishAll(em, List.of(event("partner.created", "t"))));
        verify(connection, never()).prepareStatement(anyString());
        verify(outbox, never()).setString(anyInt(), anyString());
    }
}
