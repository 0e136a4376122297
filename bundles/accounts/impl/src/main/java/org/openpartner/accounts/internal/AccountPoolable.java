package org.openpartner.accounts.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;

import org.openpartner.accounts.api.AccountService;
import org.openpartner.accounts.internal.jpa.AccountEntity;
import org.openpartner.interconnect.api.AppService;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.pools.api.spi.Placement;
import org.openpartner.pools.api.spi.PoolableObject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Accounts in account pools (SPEC S7): a waiting account has no owner; a claimed or assigned one is its holder's.
 * Accounts do not close, so recycle rules on age count from the claim.
 */
@Component(service = PoolableObject.class)
public class AccountPoolable implements PoolableObject {

    private final Transactions tx;
    private final AppService apps;

    @Activate
    public AccountPoolable(@Reference(target = "(osgi.unit.name=openpartner-accounts)") EntityManagerFactory emf,
                           @Reference AppService apps) {
        this.tx = new Transactions(emf);
        this.apps = apps;
    }

    /** Downstream users work with accounts through the SharePartner app, in pools as elsewhere. */
    @Override
    public void requireAvailable(CallContext ctx) {
        if (ctx.isExternal()) {
            apps.requireAccess(ctx, AccountServiceImpl.SHARE_PARTNER_APP);
        }
    }

    @Override
    public String objectName() {
        return AccountService.OBJECT;
    }

    @Override
    public Optional<Candidate> candidate(String tenantId, String recordId) {
        return tx.read(em -> Optional.ofNullable(em.find(AccountEntity.class, recordId))
            .filter(a -> a.getTenantId().equals(tenantId))
            .map(a -> new Candidate(a.getId(), a.getOwnerUserId(), a.getOwnerCompanyId(), false)));
    }

    /** The fields distribution rules test: where the customer is and what it does. */
    @Override
    public Map<String, String> values(String tenantId, String recordId) {
        return tx.read(em -> Optional.ofNullable(em.find(AccountEntity.class, recordId))
            .filter(a -> a.getTenantId().equals(tenantId)).map(a -> {
                Map<String, String> values = new HashMap<>();
                putIfSet(values, "name", a.getName());
                putIfSet(values, "registrationId", a.getRegistrationId());
                putIfSet(values, "industry", a.getIndustry());
                putIfSet(values, "region", a.getRegion());
                putIfSet(values, "address", a.getAddress());
                putIfSet(values, "recordType", a.getRecordType());
                putIfSet(values, "createdBy", a.getCreatedBy());
                return values;
            }).orElse(Map.of()));
    }

    private static void putIfSet(Map<String, String> values, String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    @Override
    public void place(String tenantId, String recordId, String poolId, String userId, String companyId) {
        tx.inTransaction(em -> Placement.update(em, "OP_ACCOUNT", tenantId, recordId, poolId, userId, companyId,
            Map.of()));
    }
}
