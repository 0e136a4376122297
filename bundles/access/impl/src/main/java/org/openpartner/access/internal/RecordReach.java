package org.openpartner.access.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManagerFactory;

import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.access.DataScope;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.RecordOwnership;
import org.openpartner.platform.api.access.jpa.ShareRule;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Whether, and why, a caller reaches one record: for the engine, related teams and explanations alike. */
@Component(service = RecordReach.class)
public class RecordReach {

    private final Transactions tx;
    private final ObjectRegistry registry;

    @Activate
    public RecordReach(@Reference(target = "(osgi.unit.name=openpartner-access)") EntityManagerFactory emf,
                       @Reference ObjectRegistry registry) {
        this.tx = new Transactions(emf);
        this.registry = registry;
    }

    /** The data scope of an external caller's company for the object; private for everyone else. */
    DataScope scope(CallContext ctx, String objectName) {
        ObjectDefinition object = registry.require(objectName);
        if (!ctx.isExternal()) {
            return DataScope.PRIVATE;
        }
        return tx.read(em -> ScopeStore.scopeOf(em, ctx.tenantId(), object.name(), ctx.companyId()));
    }

    /** Why the caller reaches the record; empty when it does not, or the record does not exist. */
    List<String> reasons(CallContext ctx, String objectName, String recordId, RecordAccess access) {
        ObjectDefinition object = registry.require(objectName);
        RecordOwnership owner = registry.ownership(object.name(), ctx.tenantId(), recordId).orElse(null);
        if (owner == null) {
            return List.of();
        }
        DataScope scope = scope(ctx, objectName);
        List<String> grants = new ArrayList<>();
        if (object.shareable() && !Visibility.reachesTenant(ctx) && ctx.tenantId().equals(owner.tenantId())) {
            List<String> principals = Visibility.principals(ctx);
            tx.read(em -> {
                GrantStore.grantsFor(em, ctx.tenantId(), object.name(), recordId, principals, access).stream()
                    .map(GrantStore::describe).forEach(grants::add);
                List<ShareRule> rules = GrantStore.rulesFor(em, ctx.tenantId(), object.name(), principals, access);
                // The owner's roles as the query reads them (every assignment, whatever the owner's status).
                Set<String> ownerRoles = rules.stream().anyMatch(r -> ShareRule.SOURCE_ROLE.equals(r.getSourceKind()))
                    ? Set.copyOf(em.createQuery("select a.roleKey from RoleAssignment a where a.tenantId = :t "
                        + "and a.userId = :u", String.class).setParameter("t", owner.tenantId())
                        .setParameter("u", owner.ownerUserId()).getResultList())
                    : Set.of();
                for (ShareRule rule : rules) {
                    boolean company = ShareRule.SOURCE_COMPANY.equals(rule.getSourceKind());
                    if (company ? rule.getSourceKey().equals(owner.ownerCompanyId()) : ownerRoles.contains(rule.getSourceKey())) {
                        grants.add(GrantStore.describe(rule));
                    }
                }
                return null;
            });
        }
        return Visibility.reaches(ctx, scope, owner.tenantId(), owner.ownerUserId(), owner.ownerCompanyId(), access,
            grants);
    }

    /** Whether the record exists in the caller's tenant, as its object's bundle answers. */
    boolean exists(CallContext ctx, String objectName, String recordId) {
        return registry.ownership(objectName, ctx.tenantId(), recordId).isPresent();
    }
}
