package org.openpartner.platform.internal.events;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.internal.jpa.AuditEntryEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads the tenant's audit trail. Its entries are written by OutboxEventPublisher with each tenant event, in the
 * transaction of the change, so the trail holds exactly the committed changes, delivered to consumers or not.
 */
@Component(service = AuditTrail.class)
public class AuditTrail {

    public record AuditEntry(String eventId, String type, String aggregateType, String aggregateId,
                             String actorUserId, String summary, Instant occurredAt) {
    }

    private final Transactions tx;

    @Activate
    public AuditTrail(@Reference(target = "(osgi.unit.name=openpartner-platform)") EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
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
