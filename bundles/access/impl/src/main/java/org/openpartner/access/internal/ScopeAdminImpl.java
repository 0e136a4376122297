package org.openpartner.access.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.openpartner.access.api.ScopeAdmin;
import org.openpartner.access.api.dto.ObjectScopes;
import org.openpartner.access.api.dto.ScopeInput;
import org.openpartner.access.internal.jpa.DataScopeEntity;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.access.DataScope;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ScopeAdmin.class)
public class ScopeAdminImpl implements ScopeAdmin {

    static final int MAX_COMPANIES = 1000;

    private final Transactions tx;
    private final ObjectRegistry registry;
    private final MembershipService memberships;
    private final EventPublisher events;

    @Activate
    public ScopeAdminImpl(@Reference(target = "(osgi.unit.name=openpartner-access)") EntityManagerFactory emf,
                          @Reference ObjectRegistry registry, @Reference MembershipService memberships,
                          @Reference EventPublisher events) {
        this.tx = new Transactions(emf);
        this.registry = registry;
        this.memberships = memberships;
        this.events = events;
    }

    @Override
    public ObjectScopes scopes(CallContext ctx, String objectName) {
        PermissionAdminImpl.requireChannelStaff(ctx);
        ObjectDefinition object = registry.require(objectName);
        return tx.read(em -> scopes(em, ctx, object));
    }

    private static ObjectScopes scopes(EntityManager em, CallContext ctx, ObjectDefinition object) {
        DataScope fallback = DataScope.PRIVATE;
        Map<String, DataScope> companies = new LinkedHashMap<>();
        for (DataScopeEntity row : ScopeStore.all(em, ctx.tenantId(), object.name())) {
            if (DataScopeEntity.ALL_COMPANIES.equals(row.getCompanyId())) {
                fallback = DataScope.valueOf(row.getScope());
            } else {
                companies.put(row.getCompanyId(), DataScope.valueOf(row.getScope()));
            }
        }
        return new ObjectScopes(object.name(), fallback, companies);
    }

    @Override
    public ObjectScopes setScope(CallContext ctx, String objectName, ScopeInput input) {
        PermissionAdminImpl.requireChannelStaff(ctx);
        ObjectDefinition object = registry.require(objectName);
        Set<String> companies = validate(ctx, object, input);
        return tx.inTransaction(em -> {
            Instant now = Instant.now();
            for (String company : companies.isEmpty() ? Set.of(DataScopeEntity.ALL_COMPANIES) : companies) {
                em.createQuery("delete from DataScopeEntity s where s.tenantId = :t and s.objectName = :o "
                        + "and s.companyId = :c")
                    .setParameter("t", ctx.tenantId()).setParameter("o", object.name()).setParameter("c", company)
                    .executeUpdate();
                if (input.scope() != null) {
                    DataScopeEntity row = new DataScopeEntity();
                    row.setId(Ids.newId());
                    row.setTenantId(ctx.tenantId());
                    row.setObjectName(object.name());
                    row.setCompanyId(company);
                    row.setScope(input.scope().name());
                    row.setUpdatedAt(now);
                    row.setUpdatedBy(ctx.userId());
                    em.persist(row);
                }
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("object", object.name());
            data.put("scope", input.scope() == null ? "default" : input.scope().name());
            data.put("companies", companies.isEmpty() ? "all" : List.copyOf(companies));
            events.publish(em, new DomainEvent("access.scope.changed", ctx.tenantId(), "DataScope", object.name(),
                ctx.userId(), "data scope of " + object.name() + " set to " + data.get("scope") + " for "
                + (companies.isEmpty() ? "all companies" : companies.size() + " companies"), data));
            em.flush();
            return scopes(em, ctx, object);
        });
    }

    /** The companies of the change (none: the default); refuses the whole change on the first bad value. */
    private Set<String> validate(CallContext ctx, ObjectDefinition object, ScopeInput input) {
        if (input == null) {
            throw ApiException.badRequest("required", "a body with scope (and companyIds) is required", "scope");
        }
        if (!object.shareable()) {
            throw ApiException.unprocessable("not_shareable", object.label()
                + " records are not shared record by record, so they have no data scope", "object");
        }
        Set<String> companies = new LinkedHashSet<>(input.companyIds() == null ? List.of() : input.companyIds());
        if (companies.isEmpty() && input.scope() == null) {
            throw ApiException.badRequest("required", "scope is required for the default", "scope");
        }
        if (companies.size() > MAX_COMPANIES) {
            throw ApiException.badRequest("too_many", "at most " + MAX_COMPANIES + " companies per call", "companyIds");
        }
        int index = 0;
        for (String company : companies) {
            // Not a company id at all: "*" names the tenant's default row, which only a call without companies sets.
            if (company == null || company.isBlank() || DataScopeEntity.ALL_COMPANIES.equals(company)) {
                throw ApiException.badRequest("unknown_company", "companyIds[" + index + "] is no company id",
                    "companyIds");
            }
            // Removing a company's own scope (no scope given) needs no check: it removes nothing elsewhere.
            if (input.scope() != null && !memberships.isDownstreamCompany(ctx.tenantId(), company)) {
                throw ApiException.badRequest("unknown_company", "companyIds[" + index + "] is not a downstream company: "
                    + company, "companyIds");
            }
            index++;
        }
        return companies;
    }
}
