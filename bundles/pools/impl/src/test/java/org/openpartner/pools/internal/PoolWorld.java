package org.openpartner.pools.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.persistence.EntityManagerFactory;

import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.openpartner.partner.api.PartnerService;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.FieldType;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.openpartner.pools.api.spi.PoolableObject;

/**
 * The pool engine on a real database (embedded Derby, or PostgreSQL with {@code -Dpools.url=jdbc:postgresql:...}),
 * with the access model and the platform replaced by plain answers: every caller reaches every record and may take
 * every action, so that only the engine's own rules decide. The clock moves one millisecond per reading (so that the
 * pool log is strictly ordered) and jumps on request.
 */
final class PoolWorld implements AutoCloseable {

    static final String TENANT = "tenant-1";
    static final String OBJECT = "thing";
    static final CallContext STAFF = new CallContext("staff", "staff", "Staff", TENANT, TENANT,
        Set.of(CallContext.ROLE_CHANNEL_MANAGER), false, false);

    final EntityManagerFactory emf;
    final Transactions tx;
    final TickingClock clock = new TickingClock(Instant.parse("2026-03-02T08:00:00Z"));
    PoolServiceImpl engine;
    final Map<String, CallContext> users = new ConcurrentHashMap<>();
    /** Where the object was told each record stands: holder user, or "" while waiting. */
    final Map<String, String> placed = new ConcurrentHashMap<>();
    final Set<String> closedRecords = ConcurrentHashMap.newKeySet();
    /** The field values distribution rules read, per record. */
    final Map<String, Map<String, String>> values = new ConcurrentHashMap<>();
    /** The object's last activity (follow-up) per record. */
    final Map<String, Instant> activity = new ConcurrentHashMap<>();
    /** Notices sent, in order: recipient, kind and record, as "user kind record". */
    final List<String> notices = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    /** Each downstream company's administrators. */
    final Map<String, List<String>> companyAdmins = new ConcurrentHashMap<>();
    /** Users who can no longer act (deactivated, or their connection ended). */
    final Set<String> inactive = ConcurrentHashMap.newKeySet();
    /** The partner record of each downstream company. */
    final Map<String, Partner> partners = new ConcurrentHashMap<>();
    /**
     * The platform's answers are stubs that remember no calls: nothing verifies them, and a recording mock keeps every
     * call of a benchmark's thousands of claims in one synchronized list, a cost the engine does not have in the
     * distribution.
     */
    private static final org.mockito.MockSettings STUBS = withSettings().stubOnly();

    private final AccessControl access;
    private final MembershipService memberships;
    private final RoleService roles;
    private final PoolObjects objects;
    private final UnitOfWork unitOfWork;
    private final PartnerService partnerService;

    /** The database's JDBC URL, user and password (for a raw JDBC baseline beside the engine). */
    final String url;
    final String user = System.getProperty("pools.user", "openpartner");
    final String password = System.getProperty("pools.password", "openpartner");

    PoolWorld(String name) {
        this(name, false);
    }

    /** {@code pooled}: connections from a DBCP pool, as the distribution's data source gives them. */
    PoolWorld(String name, boolean pooled) {
        Map<String, Object> properties = new HashMap<>();
        String given = System.getProperty("pools.url", "");
        // An on-disk Derby database may be given too (the benchmarks use one, as the distribution does).
        boolean derby = given.isBlank() || given.startsWith("jdbc:derby:");
        url = given.isBlank() ? "jdbc:derby:memory:" + name + System.nanoTime() + ";create=true" : given;
        String driver = derby ? "org.apache.derby.jdbc.EmbeddedDriver" : "org.postgresql.Driver";
        if (pooled) {
            properties.put("openjpa.ConnectionDriverName", "org.apache.commons.dbcp2.BasicDataSource");
            properties.put("openjpa.ConnectionProperties", "DriverClassName=" + driver + ",Url=" + url
                + (derby ? "" : ",Username=" + user + ",Password=" + password) + ",MaxTotal=40,MaxIdle=40"
                // As pax-jdbc's dbcp2 pool in the distribution: no validation round trip on every borrow.
                + ",TestOnBorrow=false");
        } else {
            properties.put("openjpa.ConnectionURL", url);
            properties.put("openjpa.ConnectionDriverName", driver);
            if (!derby) {
                properties.put("openjpa.ConnectionUserName", user);
                properties.put("openjpa.ConnectionPassword", password);
            }
        }
        emf = new PersistenceProviderImpl().createEntityManagerFactory("openpartner-pools-test",
            "META-INF/pools-test-persistence.xml", properties);
        tx = new Transactions(emf);
        // A shared PostgreSQL database keeps the last run's rows: start empty.
        tx.inTransaction(em -> {
            for (String entity : List.of("PoolDeclineEntity", "PoolDistributionEntity", "PoolRuleTurnEntity", "PoolRuleEntity", "PoolLogEntity", "PoolCounterEntity", "PoolRecordEntity", "PoolMemberEntity",
                "PoolEntity", "ShareGrant")) {
                em.createQuery("delete from " + entity).executeUpdate();
            }
            return null;
        });
        access = mock(AccessControl.class, STUBS);
        ObjectDefinition definition = new ObjectDefinition(OBJECT, "Thing", List.of(
            FieldDefinition.system("id", "Id", FieldType.TEXT), FieldDefinition.of("name", "Name", FieldType.TEXT, true),
            FieldDefinition.of("phone", "Phone", FieldType.PHONE, false),
            FieldDefinition.of("region", "Region", FieldType.TEXT, false),
            FieldDefinition.of("source", "Source", FieldType.TEXT, false)),
            List.of(PoolServiceImpl.CLAIM, PoolServiceImpl.RETURN, PoolServiceImpl.ASSIGN, PoolServiceImpl.SUBMIT),
            Set.of(), Set.of(), true);
        when(access.access(any(), anyString())).thenReturn(ObjectAccess.unrestricted(definition));
        when(access.reaches(any(), anyString(), anyString(), any())).thenReturn(true);
        when(access.object(OBJECT)).thenReturn(Optional.of(definition));
        memberships = mock(MembershipService.class, STUBS);
        when(memberships.isDownstreamCompany(anyString(), anyString())).thenReturn(true);
        when(memberships.companyAdmins(anyString(), anyString())).thenAnswer(call -> companyAdmins.getOrDefault(
            call.getArgument(1), List.of()));
        when(memberships.contextOf(anyString(), anyString())).thenAnswer(call -> Optional.ofNullable(
            users.get(call.<String>getArgument(1))).filter(u -> !inactive.contains(u.userId())));
        when(memberships.activeMembers(anyString(), anyString())).thenAnswer(call -> users.values().stream()
            .filter(u -> call.<String>getArgument(1).equals(u.companyId()) && !inactive.contains(u.userId()))
            .map(CallContext::userId).sorted().toList());
        when(memberships.roleHolders(anyString(), anyString())).thenAnswer(call -> users.values().stream()
            .filter(u -> u.roles().contains(call.<String>getArgument(1)) && !inactive.contains(u.userId()))
            .map(CallContext::userId).sorted().toList());
        partnerService = mock(PartnerService.class, STUBS);
        when(partnerService.findByCompanies(any(), any())).thenAnswer(call -> call.<java.util.Collection<String>>getArgument(1)
            .stream().map(partners::get).filter(java.util.Objects::nonNull).toList());
        objects = new PoolObjects();
        objects.addPoolableObject(new PoolableObject() {
            @Override
            public String objectName() {
                return OBJECT;
            }

            @Override
            public Optional<Candidate> candidate(String tenantId, String recordId) {
                return Optional.of(new Candidate(recordId, null, null, closedRecords.contains(recordId)));
            }

            @Override
            public void place(String tenantId, String recordId, String poolId, String userId, String companyId) {
                placed.put(recordId, userId == null ? "" : userId);
            }

            @Override
            public Map<String, String> values(String tenantId, String recordId) {
                return values.getOrDefault(recordId, Map.of());
            }

            @Override
            public Map<String, Instant> lastActivity(String tenantId, java.util.Collection<String> recordIds) {
                Map<String, Instant> last = new HashMap<>();
                recordIds.stream().filter(activity::containsKey).forEach(id -> last.put(id, activity.get(id)));
                return last;
            }
        });
        unitOfWork = new UnitOfWork() {
            @Override
            public <T> T inUnit(Supplier<T> work) {
                return work.get();
            }

            @Override
            public boolean inUnit() {
                return false;
            }
        };
        roles = mock(RoleService.class, STUBS);
        when(roles.findRole(any(), anyString())).thenAnswer(call -> Set.of("dealer", "key-account")
            .contains(call.<String>getArgument(1)) ? Optional.of(new org.openpartner.platform.api.dto.Role(
                "role-" + call.getArgument(1), call.getArgument(1), call.getArgument(1),
                org.openpartner.platform.api.dto.RoleKind.EXTERNAL, false, Set.of())) : Optional.empty());
        restart();
    }

    /** A new engine on the same database, as after a restart of the node (or another node). */
    PoolServiceImpl restart() {
        engine = new PoolServiceImpl(emf, access, objects, memberships, roles, mock(EventPublisher.class, STUBS), unitOfWork,
            partnerService, new RecordingNotices(), clock);
        return engine;
    }

    /** The partner record of a downstream company, with the fields territory rules compare. */
    void partner(String companyId, String region, String level) {
        partners.put(companyId, new Partner("partner-" + companyId, companyId, "dealer", level, null, List.of(),
            region, "active", null, companyId, 0, Instant.EPOCH, Instant.EPOCH, 0));
    }

    /** A user of a downstream company (an external user) with the given roles. */
    CallContext dealer(String userId, String companyId, String... roles) {
        CallContext user = new CallContext(userId, userId, userId, TENANT, companyId, Set.of(roles), false, false,
            companyId);
        users.put(userId, user);
        return user;
    }

    /** An employee of the tenant. */
    CallContext employee(String userId) {
        CallContext user = new CallContext(userId, userId, userId, TENANT, TENANT, Set.of(), false, false);
        users.put(userId, user);
        return user;
    }

    @Override
    public void close() {
        emf.close();
    }

    /**
     * Moves by a little over one millisecond at every reading (so that the pool log is strictly ordered, and times
     * carry microseconds as on a real clock, which PostgreSQL keeps and the entities round); {@link #advance} jumps.
     */
    static final class TickingClock extends Clock {
        private static final long TICK_NANOS = 1_000_123;
        private final AtomicLong nanos;

        TickingClock(Instant start) {
            nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }

        @Override
        public Instant instant() {
            long now = nanos.addAndGet(TICK_NANOS);
            return Instant.ofEpochSecond(now / 1_000_000_000L, now % 1_000_000_000L);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Notices as a list this test reads; the platform's own service is driven by the itests. */
    private final class RecordingNotices implements org.openpartner.platform.api.NoticeService {
        @Override
        public void send(String tenantId, java.util.Collection<String> userIds,
                         org.openpartner.platform.api.dto.NoticeDraft draft) {
            userIds.forEach(user -> notices.add(user + " " + draft.kind() + " " + draft.recordId()));
        }

        @Override
        public org.openpartner.platform.api.Page<org.openpartner.platform.api.dto.Notice> list(CallContext ctx,
                boolean unreadOnly, org.openpartner.platform.api.PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.openpartner.platform.api.dto.Notice markRead(CallContext ctx, String noticeId) {
            throw new UnsupportedOperationException();
        }
    }
}
