package org.openpartner.platform.internal.events;


import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.dto.DeliveredEvent;
import org.openpartner.platform.api.jpa.InLists;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.internal.jpa.AuditEntryEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The tenant's audit trail, written by the outbox relay with each batch it delivers; an event is recorded once. */
@Component(service = AuditTrail.class)
public class AuditTrail {

    public record AuditEntry(String eventId, String type, String aggregateType, String aggregateId,
                             String actorUserId, String summary, Instant occurredAt) {
    }

    private final Transactions tx;
    private final ObjectMapper json = new ObjectMapper();

    @Activate
    public AuditTrail(@Reference(target = "(osgi.unit.name=openpartner-platform)") EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
    }

    /**
     * Records the events of one relay batch (those of a tenant) with one lookup of the ones already recorded (a
     * redelivered event is recorded once) and one batch of inserts, in the caller's unit of work.
     */
    public void record(List<DeliveredEvent> events) {
        List<DeliveredEvent> tenantEvents = events.stream().filter(e -> e.event().tenantId() != null).toList();
        if (tenantEvents.isEmpty()) {
            return;
        }
        tx.inTransaction(em -> {
            Set<String> recorded = new HashSet<>(InLists.query(tenantEvents.stream().map(DeliveredEvent::id).toList(),
                ids -> em.createQuery("select a.eventId from AuditEntryEntity a where a.eventId in :ids", String.class)
                    .setParameter("ids", ids).getResultList()));
            Instant now = Instant.now();
            for (DeliveredEvent delivered : tenantEvents) {
                if (recorded.add(delivered.id())) {
                    em.persist(entry(delivered, now));
                }
            }
            return null;
        });
    }

    private AuditEntryEntity entry(DeliveredEvent delivered, Instant now) {
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.setEventId(delivered.id());
        entry.setSequence(delivered.sequence());
        entry.setTenantId(delivered.event().tenantId());
        entry.setType(delivered.event().type());
        entry.setAggregateType(delivered.event().aggregateType());
        entry.setAggregateId(delivered.event().aggregateId());
        entry.setActorUserId(delivered.event().actorUserId());
        entry.setSummary(delivered.event().summary());
        try {
            entry.setDataJson(json.writeValueAsString(delivered.event().data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + delivered.id() + " has data that cannot be written as JSON", e);
        }
        entry.setOccurredAt(delivered.occurredAt());
        entry.setRecordedAt(now);
        return entry;
    }

    /** Newest first; the cursor is the sequence number of the last entry seen. Tenant admins only. */
    public Page<AuditEntry> list(CallContext ctx, int limit, String cursor, String aggregateId) {
        if (!ctx.tenantAdmin()) {
            throw ApiException.forbidden("only an administrator of the enterprise may read the audit trail");
        }
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("invalid_cursor", "cursor is not one this API returned", "cursor");
            }
        }
        Long seqBefore = before;
        return tx.read(em -> {
            String jpql = "select a from AuditEntryEntity a where a.tenantId = :t"
                + (seqBefore == null ? "" : " and a.sequence < :before")
                + (aggregateId == null ? "" : " and a.aggregateId = :agg")
                + " order by a.sequence desc";
            TypedQuery<AuditEntryEntity> q = em.createQuery(jpql, AuditEntryEntity.class).setParameter("t", ctx.tenantId());
            if (seqBefore != null) {
                q.setParameter("before", seqBefore);
            }
            if (aggregateId != null) {
                q.setParameter("agg", aggregateId);
            }
            List<AuditEntryEntity> rows = q.setMaxResults(limit + 1).getResultList();
            boolean more = rows.size() > limit;
            List<AuditEntry> items = rows.stream().limit(limit).map(a -> new AuditEntry(a.getEventId(), a.getType(),
                a.getAggregateType(), a.getAggregateId(), a.getActorUserId(), a.getSummary(), a.getOccurredAt())).toList();
            return new Page<>(items, more ? String.valueOf(rows.get(limit - 1).getSequence()) : null);
        });
    }
}
