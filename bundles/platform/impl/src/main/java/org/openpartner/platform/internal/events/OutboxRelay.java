package org.openpartner.platform.internal.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.openpartner.platform.api.dto.DeliveredEvent;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.jpa.InLists;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.openpartner.platform.internal.jpa.OutboxEventEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed events from the outbox to the event endpoint, in order, and deletes them from the outbox once
 * delivered (the tenant's audit trail, written with the change itself, keeps them). An event whose delivery fails is
 * retried on the next run (later events wait behind it) until {@link #MAX_ATTEMPTS}, after which it is parked
 * with its last error so that one poison event cannot stop the stream.
 */
public class OutboxRelay {

    static final int MAX_ATTEMPTS = 10;
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final Transactions tx;
    private final UnitOfWork unitOfWork;
    private final ObjectMapper json = new ObjectMapper();

    public OutboxRelay(EntityManagerFactory emf, UnitOfWork unitOfWork) {
        this.tx = new Transactions(emf);
        this.unitOfWork = unitOfWork;
    }

    /**
     * Relays batch after batch while full ones come back, for at most {@code budgetMillis}: a backlog (a bulk import
     * publishes thousands of events a second) drains at the speed of delivery, not at one batch per timer tick,
     * and a stopping route still gets the thread back soon. Returns how many events were delivered.
     */
    public int relayPending(ProducerTemplate producer, String endpoint, long budgetMillis) {
        long deadline = System.nanoTime() + budgetMillis * 1_000_000;
        int total = 0;
        int delivered;
        do {
            delivered = relayBatch(producer, endpoint);
            total += delivered;
        } while (delivered == BATCH && System.nanoTime() < deadline);
        return total;
    }

    /** Relays one batch; returns how many events were delivered. */
    public int relayBatch(ProducerTemplate producer, String endpoint) {
        // Two steps, so that a long backlog costs no more than a short one: the pending sequence numbers come in
        // order from the covering index alone (Derby otherwise scans and sorts the whole table for every batch),
        // then their rows by primary key.
        List<OutboxEventEntity> batch = tx.read(em -> {
            List<Long> pending = em.createQuery("select o.sequence from OutboxEventEntity o "
                    + "where o.attempts < :max order by o.sequence", Long.class)
                .setParameter("max", MAX_ATTEMPTS).setMaxResults(BATCH).getResultList();
            return pending.isEmpty() ? List.<OutboxEventEntity>of() : em.createQuery("select o from OutboxEventEntity o "
                    + "where o.sequence in :pending order by o.sequence", OutboxEventEntity.class)
                .setParameter("pending", InLists.padded(pending)).getResultList();
        });
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            // One unit of work for the batch: what consumers write and the removal of the delivered events commit
            // once, instead of one commit per event.
            return unitOfWork.inUnit(() -> {
                List<Long> delivered = new ArrayList<>();
                for (DeliveredEvent event : batch.stream().map(this::toDelivered).toList()) {
                    producer.sendBody(endpoint, event);
                    delivered.add(event.sequence());
                }
                removeDelivered(delivered);
                return delivered.size();
            });
        } catch (RuntimeException e) {
            // A consumer refused an event and the unit rolled back: event by event, so that the ones before it
            // go through and it alone is retried.
            LOG.debug("Relaying a batch of {} events failed; relaying them one by one", batch.size(), e);
            return relayOneByOne(batch, producer, endpoint);
        }
    }

    private int relayOneByOne(List<OutboxEventEntity> batch, ProducerTemplate producer, String endpoint) {
        int delivered = 0;
        for (OutboxEventEntity row : batch) {
            try {
                producer.sendBody(endpoint, toDelivered(row));
            } catch (Exception e) {
                recordFailure(row.getSequence(), e);
                return delivered;
            }
            removeDelivered(List.of(row.getSequence()));
            delivered++;
        }
        return delivered;
    }

    DeliveredEvent toDelivered(OutboxEventEntity row) {
        Map<String, Object> data;
        try {
            data = row.getDataJson() == null ? Map.of()
                : json.readValue(row.getDataJson(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + row.getEventId() + " has unreadable data", e);
        }
        return new DeliveredEvent(row.getEventId(), row.getSequence(), row.getOccurredAt(), new DomainEvent(row.getType(),
            row.getTenantId(), row.getAggregateType(), row.getAggregateId(), row.getActorUserId(), row.getSummary(), data));
    }

    /**
     * One statement for the batch; should it fail, the events are delivered again (consumers are idempotent). A
     * delete rather than a "delivered" mark keeps the table as small as the backlog: on PostgreSQL the pending
     * query over a table of mostly delivered rows took a scan of all of them (the planner cannot order a
     * {@code delivered_at is null} range by sequence), 30-100 ms per batch during a bulk import.
     */
    private void removeDelivered(List<Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        tx.inTransaction(em -> em.createQuery("delete from OutboxEventEntity o where o.sequence in :delivered")
            .setParameter("delivered", InLists.padded(sequences)).executeUpdate());
    }

    private void recordFailure(long sequence, Exception e) {
        tx.inTransaction(em -> {
            OutboxEventEntity row = em.find(OutboxEventEntity.class, sequence);
            row.setAttempts(row.getAttempts() + 1);
            String message = String.valueOf(e.getMessage());
            row.setLastError(message.length() > 1000 ? message.substring(0, 1000) : message);
            if (row.getAttempts() >= MAX_ATTEMPTS) {
                LOG.error("Event {} ({}) parked after {} failed deliveries: {}", row.getEventId(), row.getType(),
                    MAX_ATTEMPTS, message);
            } else {
                LOG.warn("Delivery of event {} ({}) failed, will retry: {}", row.getEventId(), row.getType(), message);
            }
            return null;
        });
    }
}
