package org.openpartner.interconnect.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.openpartner.interconnect.api.ConnectionService;
import org.openpartner.interconnect.api.dto.ConnectRequest;
import org.openpartner.interconnect.api.dto.ConnectResult;
import org.openpartner.interconnect.api.dto.Connection;
import org.openpartner.interconnect.api.dto.ConnectorAccount;
import org.openpartner.interconnect.internal.jpa.ConnectionAppEntity;
import org.openpartner.interconnect.internal.jpa.ConnectionEntity;
import org.openpartner.partner.api.PartnerService;
import org.openpartner.partner.api.dto.ContactInput;
import org.openpartner.partner.api.dto.NewPartner;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.partner.api.dto.PartnerContact;
import org.openpartner.partner.api.dto.PartnerInput;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.KeysetCursor;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.dto.CompanyRegistration;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.dto.Enterprise;
import org.openpartner.platform.api.dto.ExternalUser;
import org.openpartner.platform.api.dto.Membership;
import org.openpartner.platform.api.dto.NewUser;
import org.openpartner.platform.api.dto.RegisteredCompany;
import org.openpartner.platform.api.dto.RoleKind;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = {ConnectionService.class, ConnectionServiceImpl.class})
public class ConnectionServiceImpl implements ConnectionService {

    private static final String SORT = "newest";

    private final Transactions tx;
    private final UnitOfWork unitOfWork;
    private final PartnerService partners;
    private final MembershipService memberships;
    private final IdentityService identities;
    private final EventPublisher events;
    private final AppRegistry apps;
    private final RoleService roles;

    @Activate
    public ConnectionServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-interconnect)") EntityManagerFactory emf,
                                 @Reference UnitOfWork unitOfWork, @Reference PartnerService partners,
                                 @Reference MembershipService memberships, @Reference IdentityService identities,
                                 @Reference EventPublisher events, @Reference AppRegistry apps,
                                 @Reference RoleService roles) {
        this.tx = new Transactions(emf);
        this.unitOfWork = unitOfWork;
        this.partners = partners;
        this.memberships = memberships;
        this.identities = identities;
        this.events = events;
        this.apps = apps;
        this.roles = roles;
    }

    /**
     * The role keys, if each is an external role of the caller's enterprise; else 400 {@code unknown_role}. Checked
     * where they are given: a connection, code or import stored with an unknown key failed later, at every connector
     * added, where the downstream could not mend it.
     */
    public Set<String> requireExternalRoles(CallContext ctx, Collection<String> given) {
        // None given: the default, Dealer Personnel, which exists once Partner is enabled (each service says so).
        Set<String> keys = Roles.orDefault(given);
        if (given == null || given.isEmpty()) {
            return keys;
        }
        for (String key : keys) {
            if (roles.findRole(ctx, key).filter(role -> role.kind() == RoleKind.EXTERNAL).isEmpty()) {
                throw ApiException.badRequest("unknown_role", "'" + key + "' is no external role of your enterprise",
                    "roles");
            }
        }
        return keys;
    }

    /** A connector contact before it becomes an external user. */
    public record Connector(String name, String mobile, String email, boolean systemAdmin) {
    }

    @Override
    public ConnectResult connect(CallContext ctx, ConnectRequest request) {
        Roles.requireStaff(ctx);
        if (request == null) {
            throw ApiException.badRequest("required", "a body with partnerId, or partner and contacts, is required", "partnerId");
        }
        Set<String> roles = requireExternalRoles(ctx, request.roles());
        List<String> extraApps = requireInstalled(request.apps());
        return unitOfWork.inUnit(() -> {
            Partner partner;
            List<Connector> connectors = new ArrayList<>();
            if (request.partnerId() != null && !request.partnerId().isBlank()) {
                partner = partners.get(ctx, request.partnerId().strip());
                if (partner.connectedEnterpriseId() != null) {
                    throw ApiException.conflict("already_connected", "partner '" + partner.name() + "' is already connected", "partnerId");
                }
                for (PartnerContact contact : partners.listContacts(ctx, partner.id())) {
                    connectors.add(new Connector(contact.name(), contact.mobile(), contact.email(), contact.systemAdmin()));
                }
                if (connectors.isEmpty()) {
                    throw ApiException.unprocessable("no_contacts",
                        "a partner needs at least one partner contact with a mobile to be connected", "partnerId");
                }
            } else {
                if (request.partner() == null) {
                    throw ApiException.badRequest("required", "partnerId or partner is required", "partner");
                }
                if (request.contacts() == null || request.contacts().isEmpty()) {
                    throw ApiException.badRequest("required", "a new partner needs at least one contact with a mobile", "contacts");
                }
                partner = fieldPrefixed("partner.", () -> partners.create(ctx, request.partner()));
                for (int i = 0; i < request.contacts().size(); i++) {
                    ContactInput input = request.contacts().get(i);
                    String id = partner.id();
                    PartnerContact contact = fieldPrefixed("contacts[" + i + "].", () -> partners.addContact(ctx, id, input));
                    connectors.add(new Connector(contact.name(), contact.mobile(), contact.email(), contact.systemAdmin()));
                }
            }
            return establish(ctx, partner, connectors, roles, extraApps, Connection.ORIGIN_DIRECT, request.initialPassword(), true);
        });
    }

    /** A new company of a bulk connect: its partner, its connector contacts and the apps it gets beyond the defaults. */
    public record NewCompany(PartnerInput partner, List<Connector> connectors, List<String> extraApps) {
    }

    /**
     * Registers the company, makes its connector contacts external users and activates the connection. Runs inside
     * the caller's unit of work.
     */
    public ConnectResult establish(CallContext ctx, Partner partner, List<Connector> connectors, Set<String> roles,
                                   List<String> extraApps, String origin, String initialPassword,
                                   boolean generatePasswords) {
        String connectionId = Ids.newId();
        RegisteredCompany company = memberships.registerCompanies(ctx, List.of(new CompanyRegistration(partner.name(),
            connectionId, newUsers(connectors, initialPassword), roles)), generatePasswords).get(0);
        List<ConnectorAccount> accounts = new ArrayList<>();
        for (ExternalUser user : company.users()) {
            accounts.add(new ConnectorAccount(user.user().id(), user.user().name(), user.user().mobile(), user.created(),
                user.initialPassword()));
        }
        partners.markConnected(ctx, partner.id(), company.enterprise().id());
        Connection connection = tx.inTransaction(em -> {
            ConnectionEntity entity = persistConnection(em, ctx, connectionId, partner.id(), company.enterprise().id(),
                origin, roles, extraApps);
            events.publish(em, event("connection.created", ctx, entity, "Connected partner '" + partner.name() + "'"));
            return toDto(em, entity, nameOf(ctx.tenantId()), partner.name(), company.enterprise().name(), connectors.size());
        });
        return new ConnectResult(connection, accounts);
    }

    /**
     * Connects new companies in the caller's unit of work with set-based writes, as bulk imports need: registers
     * their enterprises and external users (without passwords unless {@code initialPassword}), creates their
     * partners with contacts, connected from the start, and activates the connections. Fails as a whole.
     */
    public void establishNew(CallContext ctx, List<NewCompany> companies, Set<String> roles, String origin,
                             String initialPassword) {
        if (companies.isEmpty()) {
            return;
        }
        List<String> connectionIds = new ArrayList<>();
        List<CompanyRegistration> registrations = new ArrayList<>();
        for (NewCompany company : companies) {
            String connectionId = Ids.newId();
            connectionIds.add(connectionId);
            registrations.add(new CompanyRegistration(company.partner().name(), connectionId,
                newUsers(company.connectors(), initialPassword), roles));
        }
        List<RegisteredCompany> registered = memberships.registerCompanies(ctx, registrations, false);
        List<NewPartner> newPartners = new ArrayList<>();
        for (int i = 0; i < companies.size(); i++) {
            List<ContactInput> contacts = companies.get(i).connectors().stream()
                .map(c -> new ContactInput(c.name(), c.mobile(), c.email(), null, c.systemAdmin(), null)).toList();
            newPartners.add(new NewPartner(companies.get(i).partner(), contacts, registered.get(i).enterprise().id()));
        }
        List<Partner> created = partners.createAll(ctx, newPartners);
        tx.inTransaction(em -> {
            // Connections first, then their apps: the flush writes one JDBC batch per table.
            List<ConnectionEntity> connections = new ArrayList<>();
            List<DomainEvent> published = new ArrayList<>();
            for (int i = 0; i < companies.size(); i++) {
                ConnectionEntity entity = newConnection(ctx, connectionIds.get(i), created.get(i).id(),
                    registered.get(i).enterprise().id(), origin, roles);
                em.persist(entity);
                connections.add(entity);
                published.add(event("connection.created", ctx, entity, "Connected partner '" + created.get(i).name() + "'"));
            }
            for (int i = 0; i < companies.size(); i++) {
                for (String appId : enabledApps(companies.get(i).extraApps())) {
                    em.persist(enabledApp(connections.get(i), appId));
                }
            }
            events.publishAll(em, published);
            return null;
        });
    }

    /** The platform users a company's connector contacts become; without a system admin, the first one is it. */
    private static List<NewUser> newUsers(List<Connector> connectors, String initialPassword) {
        boolean anyAdmin = connectors.stream().anyMatch(Connector::systemAdmin);
        List<NewUser> users = new ArrayList<>();
        for (int i = 0; i < connectors.size(); i++) {
            Connector c = connectors.get(i);
            users.add(new NewUser(null, c.mobile(), c.name(), c.email(), initialPassword, c.systemAdmin() || (!anyAdmin && i == 0)));
        }
        return users;
    }

    /** Persists an active connection with the apps that are on by default plus {@code extraApps}. */
    ConnectionEntity persistConnection(EntityManager em, CallContext ctx, String id, String partnerId, String companyId,
                                       String origin, Set<String> roles, List<String> extraApps) {
        ConnectionEntity entity = newConnection(ctx, id, partnerId, companyId, origin, roles);
        em.persist(entity);
        for (String appId : enabledApps(extraApps)) {
            em.persist(enabledApp(entity, appId));
        }
        return entity;
    }

    /** The apps a new connection starts with: those on by default and {@code extraApps}. */
    private Set<String> enabledApps(List<String> extraApps) {
        Set<String> enabled = new LinkedHashSet<>(apps.enabledByDefault());
        enabled.addAll(extraApps);
        return enabled;
    }

    private static ConnectionEntity newConnection(CallContext ctx, String id, String partnerId, String companyId,
                                                  String origin, Set<String> roles) {
        Instant now = Instant.now();
        ConnectionEntity entity = new ConnectionEntity();
        entity.setId(id);
        entity.setTenantId(ctx.tenantId());
        entity.setPartnerId(partnerId);
        entity.setCompanyId(companyId);
        entity.setStatus(Connection.ACTIVE);
        entity.setOrigin(origin);
        entity.setDefaultRoles(Roles.join(roles));
        entity.setCreatedBy(ctx.userId());
        entity.setCreatedAt(now);
        entity.setUpdatedAt(now);
        return entity;
    }

    static ConnectionAppEntity enabledApp(ConnectionEntity connection, String appId) {
        ConnectionAppEntity app = new ConnectionAppEntity();
        app.setId(Ids.newId());
        app.setTenantId(connection.getTenantId());
        app.setConnectionId(connection.getId());
        app.setAppId(appId);
        app.setEnabledAt(Instant.now());
        return app;
    }

    public List<String> requireInstalled(List<String> appIds) {
        List<String> ids = new ArrayList<>();
        for (String id : appIds == null ? List.<String>of() : appIds) {
            if (apps.find(id).isEmpty()) {
                throw ApiException.badRequest("unknown_app", "no app '" + id + "' is installed", "apps");
            }
            ids.add(id);
        }
        return ids;
    }

    /** Names the offending field of a nested input in the error, e.g. {@code contacts[1].mobile}. */
    private static <T> T fieldPrefixed(String prefix, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiException e) {
            if (e.field() == null) {
                throw e;
            }
            throw new ApiException(e.status(), e.code(), e.getMessage(), prefix + e.field(), e.line());
        }
    }

    @Override
    public Page<Connection> list(CallContext ctx, String status, PageRequest page) {
        Roles.requireStaff(ctx);
        KeysetCursor cursor = KeysetCursor.decode(page.cursor(), SORT);
        List<ConnectionEntity> rows = tx.read(em -> {
            StringBuilder jpql = new StringBuilder("select c from ConnectionEntity c where c.tenantId = :t");
            if (status != null && !status.isBlank()) {
                jpql.append(" and c.status = :s");
            }
            if (cursor != null) {
                jpql.append(" and c.id < :after");
            }
            TypedQuery<ConnectionEntity> query = em.createQuery(jpql.append(" order by c.id desc").toString(),
                ConnectionEntity.class).setParameter("t", ctx.tenantId());
            if (status != null && !status.isBlank()) {
                query.setParameter("s", status.strip());
            }
            if (cursor != null) {
                query.setParameter("after", cursor.id());
            }
            return query.setMaxResults(page.limit() + 1).getResultList();
        });
        boolean more = rows.size() > page.limit();
        List<ConnectionEntity> pageRows = more ? rows.subList(0, page.limit()) : rows;
        String upstreamName = nameOf(ctx.tenantId());
        List<Connection> items = tx.read(em -> pageRows.stream().map(c -> upstreamView(ctx, em, c, upstreamName)).toList());
        String next = more ? new KeysetCursor(SORT, "", pageRows.get(pageRows.size() - 1).getId()).encode() : null;
        return new Page<>(items, next);
    }

    @Override
    public Connection get(CallContext ctx, String connectionId) {
        Roles.requireStaff(ctx);
        return tx.read(em -> upstreamView(ctx, em, require(em, ctx, connectionId), nameOf(ctx.tenantId())));
    }

    static ConnectionEntity require(EntityManager em, CallContext ctx, String connectionId) {
        ConnectionEntity c = connectionId == null ? null : em.find(ConnectionEntity.class, connectionId);
        if (c == null || !c.getTenantId().equals(ctx.tenantId())) {
            throw ApiException.notFound("Connection");
        }
        return c;
    }

    @Override
    public Connection suspend(CallContext ctx, String connectionId, String reason) {
        return transition(ctx, connectionId, Set.of(Connection.ACTIVE), Connection.SUSPENDED, reason);
    }

    @Override
    public Connection resume(CallContext ctx, String connectionId) {
        return transition(ctx, connectionId, Set.of(Connection.SUSPENDED), Connection.ACTIVE, null);
    }

    @Override
    public Connection end(CallContext ctx, String connectionId, String reason) {
        return transition(ctx, connectionId, Set.of(Connection.ACTIVE, Connection.SUSPENDED), Connection.ENDED, reason);
    }

    private Connection transition(CallContext ctx, String connectionId, Set<String> from, String to, String reason) {
        Roles.requireStaff(ctx);
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (cleanReason != null && cleanReason.length() > 500) {
            throw ApiException.badRequest("too_long", "reason must be at most 500 characters", "reason");
        }
        return unitOfWork.inUnit(() -> {
            ConnectionEntity connection = tx.inTransaction(em -> {
                ConnectionEntity c = require(em, ctx, connectionId);
                if (!from.contains(c.getStatus())) {
                    throw ApiException.conflict("invalid_transition", "a connection that is " + c.getStatus()
                        + " cannot become " + to, "status");
                }
                Instant now = Instant.now();
                c.setStatus(to);
                c.setUpdatedAt(now);
                if (Connection.SUSPENDED.equals(to)) {
                    c.setSuspendedAt(now);
                } else if (Connection.ACTIVE.equals(to)) {
                    c.setSuspendedAt(null);
                } else {
                    c.setEndedAt(now);
                    c.setEndReason(cleanReason);
                }
                String verb = Connection.ACTIVE.equals(to) ? "resumed" : to;
                events.publish(em, event("connection." + verb, ctx, c, "Connection " + verb
                    + (cleanReason == null ? "" : ": " + cleanReason)));
                return c;
            });
            memberships.setConnectionStatus(ctx, connection.getId(), to);
            if (Connection.ENDED.equals(to)) {
                partners.markDisconnected(ctx, connection.getPartnerId());
            }
            return tx.read(em -> upstreamView(ctx, em, em.find(ConnectionEntity.class, connectionId), nameOf(ctx.tenantId())));
        });
    }

    @Override
    public List<Membership> members(CallContext ctx, String connectionId) {
        Roles.requireStaff(ctx);
        ConnectionEntity connection = tx.read(em -> require(em, ctx, connectionId));
        return memberships.listMembers(ctx, ctx.tenantId(), connection.getId());
    }

    @Override
    public List<Connection> upstreams(CallContext ctx) {
        if (!ctx.isInternal()) {
            throw ApiException.forbidden("act for your own enterprise to see its upstreams");
        }
        String ownName = nameOf(ctx.tenantId());
        return tx.read(em -> em.createQuery("select c from ConnectionEntity c where c.companyId = :c order by c.id desc",
                ConnectionEntity.class)
            .setParameter("c", ctx.tenantId()).getResultList().stream()
            .map(c -> toDto(em, c, nameOf(c.getTenantId()), null, ownName, -1)).toList());
    }

    @Override
    public List<Membership> addConnectors(CallContext ctx, String connectionId, List<String> userIds) {
        Roles.requireOwnAdmin(ctx);
        if (userIds == null || userIds.isEmpty()) {
            throw ApiException.badRequest("required", "userIds must name at least one employee", "userIds");
        }
        ConnectionEntity connection = ownConnection(ctx, connectionId);
        if (!Connection.ACTIVE.equals(connection.getStatus())) {
            throw ApiException.conflict("connection_inactive", "the connection is " + connection.getStatus(), "connectionId");
        }
        return unitOfWork.inUnit(() -> {
            List<Membership> added = new ArrayList<>();
            for (String userId : userIds) {
                added.add(memberships.addMember(ctx, connection.getTenantId(), connection.getCompanyId(), connection.getId(),
                    userId, Roles.split(connection.getDefaultRoles())));
            }
            return added;
        });
    }

    @Override
    public void removeConnector(CallContext ctx, String connectionId, String userId) {
        if (!ctx.isInternal()) {
            // An external user acts within its company for the upstream; it administers neither side of a connection,
            // whichever id it names (so the answer does not tell whether another company's connection exists).
            throw ApiException.forbidden("only the upstream's channel managers or the company's administrator may do this");
        }
        ConnectionEntity connection = tx.read(em -> em.find(ConnectionEntity.class, connectionId == null ? "" : connectionId));
        if (connection == null || !(connection.getTenantId().equals(ctx.tenantId()) || connection.getCompanyId().equals(ctx.tenantId()))) {
            throw ApiException.notFound("Connection");
        }
        memberships.removeMember(ctx, connection.getTenantId(), connection.getId(), userId);
    }

    private ConnectionEntity ownConnection(CallContext ctx, String connectionId) {
        ConnectionEntity connection = tx.read(em -> connectionId == null ? null : em.find(ConnectionEntity.class, connectionId));
        if (connection == null || !connection.getCompanyId().equals(ctx.tenantId())) {
            throw ApiException.notFound("Connection");
        }
        return connection;
    }

    /** A connection as the upstream sees it, with its partner's name; {@code upstreamName} is the caller's tenant. */
    private Connection upstreamView(CallContext ctx, EntityManager em, ConnectionEntity c, String upstreamName) {
        String partnerName;
        try {
            partnerName = partners.get(ctx, c.getPartnerId()).name();
        } catch (ApiException gone) {
            if (gone.status() != 404) {
                throw gone;
            }
            // An ended connection's partner may be deleted since: the connection stays listed, without its name.
            partnerName = null;
        }
        return toDto(em, c, upstreamName, partnerName, nameOf(c.getCompanyId()), -1);
    }

    String nameOf(String enterpriseId) {
        return identities.findEnterprise(enterpriseId).map(Enterprise::name).orElse(null);
    }

    Connection toDto(EntityManager em, ConnectionEntity c, String upstreamName, String partnerName, String companyName,
                     int members) {
        List<String> enabled = em.createQuery("select a.appId from ConnectionAppEntity a where a.connectionId = :c "
                + "order by a.appId", String.class).setParameter("c", c.getId()).getResultList();
        int memberCount = members >= 0 ? members : (int) memberships.countMembers(c.getTenantId(), c.getId());
        return new Connection(c.getId(), c.getTenantId(), upstreamName, c.getPartnerId(), partnerName,
            c.getCompanyId(), companyName, c.getStatus(), c.getOrigin(), enabled, Roles.split(c.getDefaultRoles()),
            memberCount, c.getCreatedAt(), c.getUpdatedAt(), c.getSuspendedAt(), c.getEndedAt(), c.getEndReason());
    }

    static DomainEvent event(String type, CallContext ctx, ConnectionEntity c, String summary) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partnerId", c.getPartnerId());
        data.put("companyId", c.getCompanyId());
        data.put("status", c.getStatus());
        data.put("origin", c.getOrigin());
        return new DomainEvent(type, ctx.tenantId(), "Connection", c.getId(), ctx.userId(), summary, data);
    }
}
