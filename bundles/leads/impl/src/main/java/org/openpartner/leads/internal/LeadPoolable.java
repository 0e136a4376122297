package org.openpartner.leads.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;

import org.openpartner.interconnect.api.AppService;
import org.openpartner.leads.api.LeadService;
import org.openpartner.leads.api.dto.LeadStatus;
import org.openpartner.leads.internal.jpa.LeadEntity;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.pools.api.spi.Placement;
import org.openpartner.pools.api.spi.PoolableObject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Leads in pools: a waiting lead has no owner and is {@code UNASSIGNED}; a claimed or assigned one is its holder's,
 * {@code ASSIGNED}. Converted, invalid and voided leads enter no pool.
 */
@Component(service = PoolableObject.class)
public class LeadPoolable implements PoolableObject {

    /** The statuses of a closed lead, which no placement reopens. */
    private static final List<String> CLOSED = Arrays.stream(LeadStatus.values()).filter(LeadServiceImpl::isClosed)
        .map(LeadStatus::name).toList();

    private final Transactions tx;
    private final AppService apps;

    @Activate
    public LeadPoolable(@Reference(target = "(osgi.unit.name=openpartner-leads)") EntityManagerFactory emf,
                        @Reference AppService apps) {
        this.tx = new Transactions(emf);
        this.apps = apps;
    }

    /** Downstream users work with leads through the SharePartner app, in pools as elsewhere. */
    @Override
    public void requireAvailable(CallContext ctx) {
        if (ctx.isExternal()) {
            apps.requireAccess(ctx, LeadServiceImpl.SHARE_PARTNER_APP);
        }
    }

    @Override
    public String objectName() {
        return LeadService.OBJECT;
    }

    @Override
    public Optional<Candidate> candidate(String tenantId, String recordId) {
        return tx.read(em -> Optional.ofNullable(em.find(LeadEntity.class, recordId))
            .filter(l -> l.getTenantId().equals(tenantId))
            .map(l -> new Candidate(l.getId(), l.getOwnerUserId(), l.getOwnerCompanyId(),
                LeadServiceImpl.isClosed(LeadStatus.valueOf(l.getStatus())))));
    }

    /** The fields distribution rules test: what the lead says about the prospect and where it came from. */
    @Override
    public Map<String, String> values(String tenantId, String recordId) {
        return tx.read(em -> Optional.ofNullable(em.find(LeadEntity.class, recordId))
            .filter(l -> l.getTenantId().equals(tenantId)).map(l -> {
                Map<String, String> values = new HashMap<>();
                putIfSet(values, "name", l.getName());
                putIfSet(values, "companyName", l.getCompanyName());
                putIfSet(values, "mobile", l.getMobile());
                putIfSet(values, "email", l.getEmail());
                putIfSet(values, "source", l.getSource());
                putIfSet(values, "region", l.getRegion());
                putIfSet(values, "industry", l.getIndustry());
                putIfSet(values, "recordType", l.getRecordType());
                putIfSet(values, "createdBy", l.getCreatedBy());
                return values;
            }).orElse(Map.of()));
    }

    /** A lead's last follow-up, for "no follow-up in N days". */
    @Override
    public Map<String, Instant> lastActivity(String tenantId, Collection<String> recordIds) {
        Map<String, Instant> last = new HashMap<>();
        if (recordIds.isEmpty()) {
            return last;
        }
        tx.read(em -> org.openpartner.platform.api.jpa.InLists.query(List.copyOf(recordIds), chunk -> em.createQuery(
                "select l.id, l.lastFollowUpAt from LeadEntity l where l.tenantId = :t and l.id in :ids "
                    + "and l.lastFollowUpAt is not null", Object[].class)
            .setParameter("t", tenantId).setParameter("ids", chunk).getResultList()))
            .forEach(row -> last.put((String) row[0], ((Date) row[1]).toInstant()));
        return last;
    }

    private static void putIfSet(Map<String, String> values, String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    @Override
    public void place(String tenantId, String recordId, String poolId, String userId, String companyId) {
        int placed = tx.inTransaction(em -> Placement.update(em, "OP_LEAD", tenantId, recordId, poolId, userId,
            companyId, Map.of("STATUS", (userId == null ? LeadStatus.UNASSIGNED : LeadStatus.ASSIGNED).name()),
            Map.of("STATUS", CLOSED)));
        if (placed == 0) {
            // Closed (converted, invalid, voided) after the engine read it, or deleted: it stays as it is.
            throw ApiException.conflict("record_closed", "the lead was closed meanwhile and enters no pool", "id");
        }
    }
}
