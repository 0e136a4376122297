package org.openpartner.access.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.access.DataScope;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.PrincipalProvider;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.RecordOwnership;
import org.openpartner.platform.api.access.jpa.HierarchyLink;
import org.openpartner.platform.api.access.jpa.ShareGrant;
import org.openpartner.platform.api.access.jpa.ShareRule;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Whether, and why, a caller reaches one record: for the engine, related teams and explanations alike. */
@Component(service = RecordReach.class)
public class RecordReach {

    private final Transactions tx;
    private final ObjectRegistry registry;
    private final List<PrincipalProvider> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPrincipalProvider(PrincipalProvider provider) {
        providers.add(provider);
    }

    void removePrincipalProvider(PrincipalProvider provider) {
        providers.remove(provider);
    }

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

    /**
     * The caller's principals and the object's sharing rules that target it: a few rows, read before the filter is
     * built, so that the filter asks for role holders and group members by key. None for callers who reach the whole
     * tenant or nothing, and for objects without sharing.
     */
    CallerSharing sharing(CallContext ctx, String objectName) {
        ObjectDefinition object = registry.require(objectName);
        if (!object.shareable() || Visibility.reachesTenant(ctx) || (!ctx.isExternal() && !ctx.isInternal())) {
            return new CallerSharing(Visibility.principals(ctx, List.of()), List.of());
        }
        // Providers query their own units: asked after this read has given its connection back, so that a request
        // never holds two.
        CallerSharing own = tx.read(em -> sharing(em, ctx, object.name()));
        List<String> principals = provided(ctx, object.name(), own.principals());
        return principals == own.principals() ? own : new CallerSharing(principals, own.rules());
    }

    /** The caller's user groups are read only when a rule of the object targets a group. */
    private static CallerSharing sharing(EntityManager em, CallContext ctx, String object) {
        List<String> principals = Visibility.principals(ctx, List.of());
        List<ShareRule> rules = GrantStore.rulesFor(em, ctx.tenantId(), object, principals);
        if (rules.stream().anyMatch(r -> r.getTarget().startsWith(Visibility.GROUP))) {
            principals = Visibility.principals(ctx, GrantStore.groupsOf(em, ctx.tenantId(), ctx.userId()));
            Set<String> mine = Set.copyOf(principals);
            rules = rules.stream().filter(r -> mine.contains(r.getTarget())).toList();
        }
        return new CallerSharing(principals, rules);
    }

    /** The caller's keys with those the principal providers (pools) add, asked with the caller's own keys. */
    private List<String> provided(CallContext ctx, String object, List<String> principals) {
        List<String> all = principals;
        for (PrincipalProvider provider : providers) {
            List<String> more = provider.principals(ctx, object, principals);
            if (!more.isEmpty()) {
                all = new ArrayList<>(all);
                for (String key : more) {
                    if (Visibility.isOwnPrefix(key)) {
                        throw new IllegalStateException(provider.getClass().getName() + " named a caller by " + key
                            + ", a key of the access model's own");
                    }
                    all.add(key);
                }
            }
        }
        return all;
    }

    /** Why the caller reaches the record; empty when it does not, or the record does not exist. */
    List<String> reasons(CallContext ctx, String objectName, String recordId, RecordAccess access) {
        return of(ctx, objectName, recordId).map(r -> r.reasons(ctx, access)).orElse(List.of());
    }

    /**
     * One record as the caller reaches it, loaded once (owner, scope, the grants and rules naming the caller) and
     * decided for reading and for writing; empty when the record does not exist in the caller's tenant.
     */
    Optional<Reach> of(CallContext ctx, String objectName, String recordId) {
        ObjectDefinition object = registry.require(objectName);
        RecordOwnership owner = registry.ownership(object.name(), ctx.tenantId(), recordId).orElse(null);
        if (owner == null) {
            return Optional.empty();
        }
        DataScope scope = scope(ctx, objectName);
        if (!object.shareable() || Visibility.reachesTenant(ctx)) {
            return Optional.of(new Reach(owner, scope, List.of(), List.of(), List.of()));
        }
        CallerSharing sharing = sharing(ctx, object.name());
        return Optional.of(tx.read(em -> {
            List<ShareGrant> grants = GrantStore.grantsFor(em, ctx.tenantId(), object.name(), recordId,
                sharing.principals());
            List<ShareRule> rules = sharing.rules();
            // The owner's roles and groups as the query reads them (every assignment, whatever the owner's status).
            Set<String> ownerRoles = rules.stream().anyMatch(r -> ShareRule.SOURCE_ROLE.equals(r.getSourceKind()))
                ? Set.copyOf(em.createQuery("select a.roleKey from RoleAssignment a where a.tenantId = :t "
                    + "and a.userId = :u", String.class).setParameter("t", owner.tenantId())
                    .setParameter("u", owner.ownerUserId()).getResultList())
                : Set.<String>of();
            Set<String> ownerGroups = rules.stream().anyMatch(r -> ShareRule.SOURCE_GROUP.equals(r.getSourceKind()))
                ? Set.copyOf(GrantStore.groupsOf(em, owner.tenantId(), owner.ownerUserId()))
                : Set.<String>of();
            List<ShareRule> matching = rules.stream().filter(rule -> switch (rule.getSourceKind()) {
                case ShareRule.SOURCE_COMPANY -> rule.getSourceKey().equals(owner.ownerCompanyId());
                case ShareRule.SOURCE_GROUP -> ownerGroups.contains(rule.getSourceKey());
                default -> ownerRoles.contains(rule.getSourceKey());
            }).toList();
            // The hierarchy: links from the owner's company up to the caller's, unless the record hides from parents.
            List<HierarchyLink> parents = ctx.isExternal() && owner.ownerCompanyId() != null
                && !GrantStore.hiddenFromParents(em, owner.tenantId(), object.name(), recordId)
                ? GrantStore.hierarchyLinks(em, owner.tenantId(), owner.ownerCompanyId(), ctx.companyId()) : List.of();
            return new Reach(owner, scope, grants, matching, parents);
        }));
    }

    /**
     * A loaded record's owner, the caller's scope, and the grants, rules and hierarchy links (the caller's company
     * above the owner's) that reach it.
     */
    record Reach(RecordOwnership owner, DataScope scope, List<ShareGrant> grants, List<ShareRule> rules,
                 List<HierarchyLink> parents) {

        List<String> reasons(CallContext ctx, RecordAccess access) {
            List<String> shared = new ArrayList<>();
            grants.stream().filter(g -> allows(g.getAccessLevel(), access)).map(GrantStore::describe).forEach(shared::add);
            rules.stream().filter(r -> allows(r.getAccessLevel(), access)).map(GrantStore::describe).forEach(shared::add);
            parents.stream().filter(h -> allows(h.getAccessLevel(), access)).map(GrantStore::describe).forEach(shared::add);
            return Visibility.reaches(ctx, scope, owner.tenantId(), owner.ownerUserId(), owner.ownerCompanyId(), access,
                shared);
        }

        static boolean allows(String level, RecordAccess access) {
            return access == RecordAccess.READ || ShareGrant.WRITE.equals(level);
        }
    }

}
