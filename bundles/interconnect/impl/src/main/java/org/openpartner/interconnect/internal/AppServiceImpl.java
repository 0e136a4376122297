package org.openpartner.interconnect.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.openpartner.interconnect.api.AppService;
import org.openpartner.interconnect.api.dto.AppEnablement;
import org.openpartner.interconnect.api.dto.AppInfo;
import org.openpartner.interconnect.api.dto.AppScope;
import org.openpartner.interconnect.api.dto.BulkResult;
import org.openpartner.interconnect.api.dto.Connection;
import org.openpartner.interconnect.api.spi.InterconnectionApp;
import org.openpartner.interconnect.internal.jpa.AppScopeEntryEntity;
import org.openpartner.interconnect.internal.jpa.AppSettingsEntity;
import org.openpartner.interconnect.internal.jpa.ConnectionAppEntity;
import org.openpartner.interconnect.internal.jpa.ConnectionEntity;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = AppService.class)
public class AppServiceImpl implements AppService {

    private static final Set<String> SCOPES = Set.of(AppInfo.SCOPE_ALL, AppInfo.SCOPE_COMPANIES, AppInfo.SCOPE_CONTACTS);
    private static final int MAX_BULK = 1000;

    private final Transactions tx;
    private final AppRegistry registry;

    @Activate
    public AppServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-interconnect)") EntityManagerFactory emf,
                          @Reference AppRegistry registry) {
        this.tx = new Transactions(emf);
        this.registry = registry;
    }

    @Override
    public List<AppInfo> list(CallContext ctx) {
        Roles.requireStaff(ctx);
        return tx.read(em -> registry.all().stream().map(app -> info(em, ctx.tenantId(), app)).toList());
    }

    @Override
    public AppInfo get(CallContext ctx, String appId) {
        Roles.requireStaff(ctx);
        InterconnectionApp app = requireApp(appId);
        return tx.read(em -> info(em, ctx.tenantId(), app));
    }

    @Override
    public AppInfo setScope(CallContext ctx, String appId, AppScope scope) {
        Roles.requireStaff(ctx);
        InterconnectionApp app = requireApp(appId);
        if (scope == null || scope.scope() == null || !SCOPES.contains(scope.scope())) {
            throw ApiException.badRequest("invalid_scope", "scope must be all, companies or contacts", "scope");
        }
        List<String> companies = scope.companyIds() == null ? List.of() : scope.companyIds();
        List<String> users = scope.userIds() == null ? List.of() : scope.userIds();
        if (!AppInfo.SCOPE_ALL.equals(scope.scope()) && companies.isEmpty()) {
            throw ApiException.badRequest("required", "companyIds are required for scope " + scope.scope(), "companyIds");
        }
        if (AppInfo.SCOPE_CONTACTS.equals(scope.scope()) && users.isEmpty()) {
            throw ApiException.badRequest("required", "userIds are required for scope contacts", "userIds");
        }
        return tx.inTransaction(em -> {
            for (String companyId : companies) {
                if (connectionOf(em, ctx.tenantId(), companyId) == null) {
                    throw ApiException.unprocessable("not_connected", "company " + companyId + " is not connected", "companyIds");
                }
            }
            AppSettingsEntity settings = settings(em, ctx.tenantId(), app, true);
            settings.setScope(scope.scope());
            if (scope.roles() != null) {
                if (scope.roles().isEmpty()) {
                    throw ApiException.badRequest("required", "an app needs at least one external role", "roles");
                }
                settings.setRoles(Roles.join(scope.roles()));
            }
            settings.setUpdatedAt(Instant.now());
            em.createQuery("delete from AppScopeEntryEntity e where e.tenantId = :t and e.appId = :a")
                .setParameter("t", ctx.tenantId()).setParameter("a", app.id()).executeUpdate();
            if (AppInfo.SCOPE_COMPANIES.equals(scope.scope())) {
                for (String companyId : new LinkedHashSet<>(companies)) {
                    em.persist(entry(ctx.tenantId(), app.id(), companyId, null));
                }
            } else if (AppInfo.SCOPE_CONTACTS.equals(scope.scope())) {
                for (String userId : new LinkedHashSet<>(users)) {
                    // A contact is in scope within the listed companies: record it under each of them.
                    for (String companyId : new LinkedHashSet<>(companies)) {
                        em.persist(entry(ctx.tenantId(), app.id(), companyId, userId));
                    }
                }
            }
            return info(em, ctx.tenantId(), app);
        });
    }

    private static AppScopeEntryEntity entry(String tenantId, String appId, String companyId, String userId) {
        AppScopeEntryEntity entry = new AppScopeEntryEntity();
        entry.setId(Ids.newId());
        entry.setTenantId(tenantId);
        entry.setAppId(appId);
        entry.setCompanyId(companyId);
        entry.setUserId(userId);
        return entry;
    }

    @Override
    public BulkResult setEnabled(CallContext ctx, String appId, AppEnablement change) {
        Roles.requireStaff(ctx);
        InterconnectionApp app = requireApp(appId);
        if (change == null || change.partnerIds() == null || change.partnerIds().isEmpty()) {
            throw ApiException.badRequest("required", "partnerIds must name at least one partner", "partnerIds");
        }
        if (change.partnerIds().size() > MAX_BULK) {
            throw ApiException.badRequest("too_many", "at most " + MAX_BULK + " partners per call", "partnerIds");
        }
        return tx.inTransaction(em -> {
            int changed = 0;
            List<BulkResult.Failure> failures = new ArrayList<>();
            for (String partnerId : new LinkedHashSet<>(change.partnerIds())) {
                ConnectionEntity connection = em.createQuery("select c from ConnectionEntity c where c.tenantId = :t "
                        + "and c.partnerId = :p and c.status <> :ended", ConnectionEntity.class)
                    .setParameter("t", ctx.tenantId()).setParameter("p", partnerId).setParameter("ended", Connection.ENDED)
                    .setMaxResults(1).getResultList().stream().findFirst().orElse(null);
                if (connection == null) {
                    failures.add(new BulkResult.Failure(partnerId, "not_connected", "the partner is not connected"));
                } else if (apply(em, connection, app.id(), change.enabled())) {
                    changed++;
                }
            }
            return new BulkResult(changed, failures);
        });
    }

    @Override
    public void setEnabledForConnection(CallContext ctx, String appId, String connectionId, boolean enabled) {
        Roles.requireStaff(ctx);
        InterconnectionApp app = requireApp(appId);
        tx.inTransaction(em -> apply(em, ConnectionServiceImpl.require(em, ctx, connectionId), app.id(), enabled));
    }

    /** Enables or disables; true when something changed. */
    private static boolean apply(EntityManager em, ConnectionEntity connection, String appId, boolean enabled) {
        boolean present = isEnabled(em, connection.getId(), appId);
        if (enabled && !present) {
            em.persist(ConnectionServiceImpl.enabledApp(connection, appId));
            return true;
        }
        if (!enabled && present) {
            em.createQuery("delete from ConnectionAppEntity a where a.connectionId = :c and a.appId = :a")
                .setParameter("c", connection.getId()).setParameter("a", appId).executeUpdate();
            return true;
        }
        return false;
    }

    @Override
    public List<AppInfo> usable(CallContext ctx) {
        if (!ctx.isExternal()) {
            throw ApiException.forbidden("only users of a connected company have portal apps");
        }
        return tx.read(em -> registry.all().stream().filter(app -> refusal(em, ctx, app) == null)
            .map(AppServiceImpl::portalInfo).toList());
    }

    /**
     * An app as a downstream user sees it in its portal: what it is and brings, none of the upstream's settings
     * (which companies and contacts it is scoped to, its roles, how many partners use it).
     */
    private static AppInfo portalInfo(InterconnectionApp app) {
        return new AppInfo(app.id(), app.name(), app.description(), app.objects(), app.portalComponents(),
            app.enabledByDefault(), null, null, null, null, -1);
    }

    @Override
    public void requireAccess(CallContext ctx, String appId) {
        InterconnectionApp app = registry.find(appId).orElseThrow(() -> ApiException.notFound("App"));
        if (!ctx.isExternal()) {
            if (!ctx.isInternal()) {
                throw ApiException.forbidden("act for this enterprise or as its external user to use its apps");
            }
            return;
        }
        ApiException refusal = tx.read(em -> refusal(em, ctx, app));
        if (refusal != null) {
            throw refusal;
        }
    }

    /** Why an external user may not use the app, in the order of SPEC S3; null when it may. */
    private static ApiException refusal(EntityManager em, CallContext ctx, InterconnectionApp app) {
        ConnectionEntity connection = connectionOf(em, ctx.tenantId(), ctx.companyId());
        if (connection == null || !Connection.ACTIVE.equals(connection.getStatus())) {
            return ApiException.forbidden("connection_inactive", "your company's connection with this enterprise is not active", null);
        }
        if (!isEnabled(em, connection.getId(), app.id())) {
            return ApiException.forbidden("app_not_enabled", "the app " + app.name() + " is not enabled for your company", null);
        }
        AppSettingsEntity settings = settings(em, ctx.tenantId(), app, false);
        String scope = settings == null ? AppInfo.SCOPE_ALL : settings.getScope();
        if (!AppInfo.SCOPE_ALL.equals(scope)) {
            StringBuilder jpql = new StringBuilder("select e.id from AppScopeEntryEntity e where e.tenantId = :t "
                + "and e.appId = :a and e.companyId = :c");
            if (AppInfo.SCOPE_CONTACTS.equals(scope)) {
                jpql.append(" and e.userId = :u");
            }
            var query = em.createQuery(jpql.toString(), String.class).setParameter("t", ctx.tenantId())
                .setParameter("a", app.id()).setParameter("c", ctx.companyId());
            if (AppInfo.SCOPE_CONTACTS.equals(scope)) {
                query.setParameter("u", ctx.userId());
            }
            if (query.setMaxResults(1).getResultList().isEmpty()) {
                return ApiException.forbidden("outside_access_scope", "you are outside the access scope of " + app.name(), null);
            }
        }
        Set<String> appRoles = roles(settings, app);
        if (Collections.disjoint(appRoles, ctx.roles())) {
            return ApiException.forbidden("no_external_role", "you need one of the external roles " + appRoles
                + " to use " + app.name(), null);
        }
        return null;
    }

    private static boolean isEnabled(EntityManager em, String connectionId, String appId) {
        return !em.createQuery("select a.id from ConnectionAppEntity a where a.connectionId = :c and a.appId = :a",
                String.class).setParameter("c", connectionId).setParameter("a", appId).setMaxResults(1).getResultList()
            .isEmpty();
    }

    /** The live (not ended) connection of the tenant with the company. */
    static ConnectionEntity connectionOf(EntityManager em, String tenantId, String companyId) {
        return em.createQuery("select c from ConnectionEntity c where c.tenantId = :t and c.companyId = :c "
                + "and c.status <> :ended order by c.id desc", ConnectionEntity.class)
            .setParameter("t", tenantId).setParameter("c", companyId).setParameter("ended", Connection.ENDED)
            .setMaxResults(1).getResultList().stream().findFirst().orElse(null);
    }

    private static Set<String> roles(AppSettingsEntity settings, InterconnectionApp app) {
        Set<String> configured = settings == null ? Set.of() : Roles.split(settings.getRoles());
        return configured.isEmpty() ? app.defaultExternalRoles() : configured;
    }

    private static AppSettingsEntity settings(EntityManager em, String tenantId, InterconnectionApp app, boolean create) {
        AppSettingsEntity settings = em.createQuery("select s from AppSettingsEntity s where s.tenantId = :t and s.appId = :a",
                AppSettingsEntity.class).setParameter("t", tenantId).setParameter("a", app.id())
            .setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        if (settings == null && create) {
            settings = new AppSettingsEntity();
            settings.setId(Ids.newId());
            settings.setTenantId(tenantId);
            settings.setAppId(app.id());
            settings.setScope(AppInfo.SCOPE_ALL);
            settings.setUpdatedAt(Instant.now());
            em.persist(settings);
        }
        return settings;
    }

    private AppInfo info(EntityManager em, String tenantId, InterconnectionApp app) {
        AppSettingsEntity settings = settings(em, tenantId, app, false);
        List<AppScopeEntryEntity> entries = em.createQuery("select e from AppScopeEntryEntity e where e.tenantId = :t "
                + "and e.appId = :a order by e.companyId, e.userId", AppScopeEntryEntity.class)
            .setParameter("t", tenantId).setParameter("a", app.id()).getResultList();
        long enabled = em.createQuery("select count(a) from ConnectionAppEntity a where a.tenantId = :t and a.appId = :a",
                Long.class).setParameter("t", tenantId).setParameter("a", app.id()).getSingleResult();
        return new AppInfo(app.id(), app.name(), app.description(), app.objects(), app.portalComponents(),
            app.enabledByDefault(), settings == null ? AppInfo.SCOPE_ALL : settings.getScope(),
            entries.stream().map(AppScopeEntryEntity::getCompanyId).distinct().toList(),
            entries.stream().map(AppScopeEntryEntity::getUserId).filter(u -> u != null).distinct().toList(),
            roles(settings, app), enabled);
    }

    private InterconnectionApp requireApp(String appId) {
        return registry.find(appId).orElseThrow(() -> ApiException.notFound("App"));
    }
}
