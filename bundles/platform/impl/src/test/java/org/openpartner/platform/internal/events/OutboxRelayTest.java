package org.openpartner.platform.internal.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Query;
import javax.persistence.TypedQuery;

import org.apache.camel.ProducerTemplate;
import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.openpartner.platform.api.dto.DeliveredEvent;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.openpartner.platform.internal.jpa.OutboxEventEntity;

public class OutboxRelayTest {

    private static final String ENDPOINT = "direct:events";

    private final EntityManagerFactory emf = mock(EntityManagerFactory.class);
    private final EntityManager em = mock(EntityManager.class);
    @SuppressWarnings("unchecked")
    private final TypedQuery<Long> pendingSequences = mock(TypedQuery.class);
    @SuppressWarnings("unchecked")
    private final TypedQuery<OutboxEventEntity> pending = mock(TypedQuery.class);
    private final Query removeDelivered = mock(Query.class);
    private final ProducerTemplate producer = mock(ProducerTemplate.class);
    private final Map<Long, OutboxEventEntity> rows = new HashMap<>();
    private OutboxRelay relay;

    @Before
    public void wire() {
        when(emf.createEntityManager()).thenReturn(em);
        UnitOfWork unitOfWork = mock(UnitOfWork.class);
        // A unit that rolls back: the deletes of delivered rows made inside it are undone when the work throws.
        when(unitOfWork.inUnit(any())).thenAnswer(i -> {
            Map<Long, OutboxEventEntity> before = new HashMap<>(rows);
            try {
                return ((Supplier<?>) i.getArgument(0)).get();
            } catch (RuntimeException e) {
                rows.putAll(before);
                throw e;
            }
        });
        relay = new OutboxRelay(emf, unitOfWork);
        when(em.getTransaction()).thenReturn(mock(EntityTransaction.class));
        when(em.createQuery(anyString(), eq(Long.class))).thenReturn(pendingSequences);
        when(pendingSequences.setParameter(anyString(), any())).thenReturn(pendingSequences);
        when(pendingSequences.setMaxResults(anyInt())).thenReturn(pendingSequences);
        when(em.createQuery(anyString(), eq(OutboxEventEntity.class))).thenReturn(pending);
        when(pending.setParameter(anyString(), any())).thenReturn(pending);
        when(em.find(eq(OutboxEventEntity.class), any())).thenAnswer(i -> rows.get((Long) i.getArgument(1)));
        // The bulk delete removes the rows it names, as the database would.
        when(em.createQuery(anyString())).thenReturn(removeDelivered);
        when(removeDelivered.setParameter(anyString(), any())).thenAnswer(i -> {
            if ("delivered".equals(i.getArgument(0))) {
                @SuppressWarnings("unchecked")
                List<Long> sequences = (List<Long>) i.getArgument(1);
                sequences.forEach(rows::remove);
            }
            return removeDelivered;
        });
    }

    private void pending(OutboxEventEntity... batch) {
        when(pendingSequences.getResultList()).thenReturn(java.util.Arrays.stream(batch).map(OutboxEventEntity::getSequence).toList());
        when(pending.getResultList()).thenReturn(List.of(batch));
    }

    private OutboxEventEntity row(long sequence, String type) throws Exception {
        OutboxEventEntity row = new OutboxEventEntity();
        set(row, "sequence", sequence);
        set(row, "eventId", "event-" + sequence);
        set(row, "type", type);
        set(row, "tenantId", "tenant-1");
        set(row, "aggregateId", "partner-" + sequence);
        set(row, "dataJson", "{\"name\":\"Acme\"}");
        set(row, "occurredAt", Date.from(Instant.parse("2026-01-01T00:00:00Z")));
        rows.put(sequence, row);
        return row;
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Field f = OutboxEventEntity.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    @Test
    public void deliversPendingEventsInOrderAndRemovesThem() throws Exception {
        pending(row(1, "partner.created"), row(2, "partner.updated"));
        assertEquals(2, relay.relayBatch(producer, ENDPOINT));
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(producer, org.mockito.Mockito.times(2)).sendBody(eq(ENDPOINT), sent.capture());
        DeliveredEvent first = (DeliveredEvent) sent.getAllValues().get(0);
        assertEquals("event-1", first.id());
        assertEquals(1, first.sequence());
        assertEquals("partner.created", first.event().type());
        assertEquals(Map.of("name", "Acme"), first.event().data());
        assertEquals("partner.updated", ((DeliveredEvent) sent.getAllValues().get(1)).event().type());
        assertFalse(rows.containsKey(1L));
        assertFalse(rows.containsKey(2L));
        verify(pendingSequences).setParameter("max", OutboxRelay.MAX_ATTEMPTS);
        verify(pending).setParameter("pending", List.of(1L, 2L));
        verify(removeDelivered).executeUpdate();
    }

    @Test
    public void aFailedDeliveryStopsTheBatchSoThatOrderHolds() throws Exception {
        OutboxEventEntity first = row(1, "partner.created");
        OutboxEventEntity second = row(2, "partner.updated");
        OutboxEventEntity third = row(3, "partner.deleted");
        pending(first, second, third);
        doThrow(new IllegalStateException("consumer down")).when(producer)
            .sendBody(eq(ENDPOINT), org.mockito.ArgumentMatchers.argThat(e -> ((DeliveredEvent) e).sequence() == 2));
        assertEquals(1, relay.relayBatch(producer, ENDPOINT));
        assertFalse(rows.containsKey(1L));
        assertTrue(rows.containsKey(2L));
        assertEquals(1, second.getAttempts());
        assertEquals("consumer down", second.getLastError());
        InOrder order = inOrder(producer);
        order.verify(producer).sendBody(eq(ENDPOINT), org.mockito.ArgumentMatchers.argThat(e -> ((DeliveredEvent) e).sequence() == 1));
        order.verify(producer).sendBody(eq(ENDPOINT), org.mockito.ArgumentMatchers.argThat(e -> ((DeliveredEvent) e).sequence() == 2));
        verify(producer, never()).sendBody(eq(ENDPOINT), org.mockito.ArgumentMatchers.argThat(e -> ((DeliveredEvent) e).sequence() == 3));
        assertTrue(rows.containsKey(3L));
        assertEquals(0, third.getAttempts());
    }

    @Test
    public void anEventThatKeepsFailingIsParkedAfterTheLastAttempt() throws Exception {
        OutboxEventEntity poison = row(7, "partner.created");
        poison.setAttempts(OutboxRelay.MAX_ATTEMPTS - 1);
        pending(poison);
        doThrow(new IllegalStateException("still down")).when(producer).sendBody(eq(ENDPOINT), any());
        assertEquals(0, relay.relayBatch(producer, ENDPOINT));
        // At MAX_ATTEMPTS the pending query (attempts < max) no longer picks it up.
        assertEquals(OutboxRelay.MAX_ATTEMPTS, poison.getAttempts());
        assertTrue(rows.containsKey(7L));
    }

    @Test
    public void drainsABacklogBatchAfterBatchUntilOneIsNotFull() throws Exception {
        List<OutboxEventEntity> full = new java.util.ArrayList<>();
        for (long seq = 1; seq <= OutboxRelay.BATCH; seq++) {
            full.add(row(seq, "partner.created"));
        }
        OutboxEventEntity last = row(OutboxRelay.BATCH + 1, "partner.updated");
        when(pendingSequences.getResultList()).thenReturn(full.stream().map(OutboxEventEntity::getSequence).toList(),
            List.of(last.getSequence()));
        when(pending.getResultList()).thenReturn(full, List.of(last));
        assertEquals(OutboxRelay.BATCH + 1, relay.relayPending(producer, ENDPOINT, 60_000));
        assertTrue(rows.isEmpty());
        // A partial batch means the backlog is gone: no third query until the next timer run.
        verify(pendingSequences, org.mockito.Mockito.times(2)).getResultList();
    }
}
