package org.openpartner.access.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openpartner.access.internal.jpa.DataScopeEntity;
import org.openpartner.access.internal.jpa.OracleRecordEntity;
import org.openpartner.access.internal.jpa.RoleFieldPermissionEntity;
import org.openpartner.access.internal.jpa.RoleObjectPermissionEntity;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.DataScope;
import org.openpartner.platform.api.access.FieldAccess;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.FieldType;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.ObjectType;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.RecordOwnership;
import org.openpartner.platform.api.access.VisibilityFilter;
import org.openpartner.platform.api.access.VisibleRows;
import org.openpartner.platform.api.access.jpa.GroupMembership;
import org.openpartner.platform.api.access.jpa.HierarchyLink;
import org.openpartner.platform.api.access.jpa.ShareGrant;
import org.openpartner.platform.api.access.jpa.ShareRule;
import org.openpartner.platform.api.jpa.Transactions;

/**
 * The access engine against an oracle: {@link Oracle}, a small and obviously correct model of SPEC S4 and S11,
 * decides for generated worlds (upstreams, companies in hierarchies, external and internal users with roles, data
 * scopes, sharing rules, related teams, hidden records, role permissions) who reads and writes which record and
 * which fields; the real engine ({@link AccessControlImpl} with its stores) answers the same questions through
 * the database - lists and counts with the visibility filter, single records with {@code reaches}, field access
 * with {@code access}. Every disagreement fails with the world's seed.
 *
 * <p>It generates worlds until {@code -Doracle.cases=N} access cases (default 100,000) and at least {@code
 * -Doracle.worlds=N} worlds (default 8) were compared; {@code -Doracle.seed=S} replays one run, {@code -Doracle.url=jdbc:postgresql://...} (with {@code oracle.user}, {@code oracle.password})
 * runs it on PostgreSQL instead of embedded Derby.
 */
public class AccessOracleTest {

    private static final String OBJECT = "oracle-record";
    private static final List<String> FIELDS = List.of("name", "amount", "secret");
    /** Small pages, so that the keyset walks through several, merging alternatives on each. */
    private static final int PAGE = 12;
    private static final String BOUNDED_BEYOND = "openpartner.access.boundedBeyond";
    private static final String BOUNDING_KEYS = "openpartner.access.boundingKeys";
    /** The pages' order. Its names repeat, differ in case, accents and trailing spaces, and may be missing. */
    private static final String ORDER = "o.name, o.id";
    private static final String[] NAMES = {"a", "a ", "A", "b", "ab", "a b", "\u00e9", "e", "\u00c4", "z ", "", "  ",
        "Z", "\ud83d\ude00", "\uffe0", null};
    private static final List<String> EXTERNAL_ROLES = List.of("r1", "r2", "r3");
    private static final String INTERNAL_ROLE = "ri";
    private static final DataScope[] SCOPES = DataScope.values();

    private static EntityManagerFactory emf;
    private static Transactions tx;
    private static AccessControlImpl engine;
    private static RecordReach reach;
    private static final Map<String, RecordOwnership> OWNERS = new HashMap<>();

    @BeforeClass
    public static void startEngine() {
        Map<String, Object> properties = new HashMap<>();
        String url = System.getProperty("oracle.url", "");
        if (url.isBlank()) {
            properties.put("openjpa.ConnectionURL", "jdbc:derby:memory:access-oracle;create=true");
            properties.put("openjpa.ConnectionDriverName", "org.apache.derby.jdbc.EmbeddedDriver");
        } else {
            properties.put("openjpa.ConnectionURL", url);
            properties.put("openjpa.ConnectionDriverName", "org.postgresql.Driver");
            properties.put("openjpa.ConnectionUserName", System.getProperty("oracle.user", "openpartner"));
            properties.put("openjpa.ConnectionPassword", System.getProperty("oracle.password", "openpartner"));
        }
        emf = new PersistenceProviderImpl().createEntityManagerFactory("openpartner-access-oracle",
            "META-INF/oracle-persistence.xml", properties);
        tx = new Transactions(emf);
        ObjectRegistry registry = new ObjectRegistry();
        registry.addObjectType(new ObjectType() {
            @Override
            public ObjectDefinition definition() {
                List<FieldDefinition> fields = new ArrayList<>();
                fields.add(FieldDefinition.system("id", "Id", FieldType.TEXT));
                FIELDS.forEach(f -> fields.add(FieldDefinition.of(f, f, FieldType.TEXT, false)));
                return new ObjectDefinition(OBJECT, "Oracle record", fields, List.of("claim"), Set.of(Actions.VIEW),
                    Set.of(), true);
            }

            @Override
            public Optional<RecordOwnership> ownership(String tenantId, String recordId) {
                RecordOwnership owner = OWNERS.get(recordId);
                return owner == null || !owner.tenantId().equals(tenantId) ? Optional.empty() : Optional.of(owner);
            }
        });
        reach = new RecordReach(emf, registry);
        engine = new AccessControlImpl(emf, registry, reach, org.mockito.Mockito.mock(org.openpartner.platform.api.RoleService.class));
    }

    @AfterClass
    public static void stopEngine() {
        if (emf != null) {
            emf.close();
        }
    }

    @Test
    public void theEngineAnswersAsTheOracleForGeneratedWorlds() {
        int minWorlds = Integer.getInteger("oracle.worlds", 8);
        long minCases = Long.getLong("oracle.cases", 100_000L);
        long seed = Long.getLong("oracle.seed", System.nanoTime());
        Random seeds = new Random(seed);
        long cases = 0;
        int w = 0;
        for (; w < minWorlds || cases < minCases; w++) {
            long worldSeed = seeds.nextLong();
            // Every other world bounds each keyed alternative by the rows of one key (VisibleRows does so only for
            // many keys, which these small worlds rarely have), in pages of 3 (so that one key often has a page).
            boolean bounded = w % 2 == 1;
            if (bounded) {
                System.setProperty(BOUNDED_BEYOND, "0");
                System.setProperty(BOUNDING_KEYS, "1");
            }
            try {
                cases += check(World.generate(worldSeed, "w" + w + "-" + Long.toHexString(seed)), bounded ? 3 : PAGE);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("world " + w + (bounded ? " (bounded)" : "") + " disagrees with the oracle;"
                    + " replay with -Doracle.seed=" + seed + " (world seed " + worldSeed + "): " + e.getMessage(), e);
            } finally {
                System.clearProperty(BOUNDED_BEYOND);
                System.clearProperty(BOUNDING_KEYS);
            }
        }
        System.out.println("AccessOracleTest: " + w + " worlds, " + cases + " access cases agree (seed " + seed + ")");
        assertTrue("at least 1,000 cases per world", cases >= 1000L * w);
    }

    /** Stores the world, then asks the engine every question the oracle answers; returns how many were compared. */
    private static long check(World world, int pageSize) {
        store(world);
        Oracle oracle = new Oracle(world);
        long cases = 0;
        Random sample = new Random(world.seed);
        for (World.User user : world.users) {
            CallContext ctx = user.context();
            for (RecordAccess access : RecordAccess.values()) {
                Set<String> expected = new TreeSet<>();
                for (World.Rec rec : world.records) {
                    if (oracle.reaches(user, rec, access == RecordAccess.WRITE)) {
                        expected.add(rec.id);
                    }
                }
                VisibilityFilter filter = engine.visibleFilter(ctx, OBJECT, "o", access);
                List<String> rows = tx.read(em -> {
                    TypedQuery<String> q = em.createQuery("select o.id from OracleRecordEntity o where "
                        + filter.jpql() + " order by " + ORDER, String.class);
                    return filter.bind(q).getResultList();
                });
                Set<String> listed = new TreeSet<>(rows);
                if (!expected.equals(listed)) {
                    fail(user + " " + access + ": " + disagreement(world, ctx, access, expected, listed));
                }
                // Pages through the filter's alternatives (VisibleRows), keyset by name and id: the same records in
                // the database's order of the one condition (where Java merges the alternatives, it orders as the
                // database does, or a keyset page would skip or repeat records).
                List<String> paged = pages(filter, pageSize);
                if (!expected.equals(new TreeSet<>(paged)) || paged.size() != expected.size()) {
                    fail(user + " " + access + " pages " + paged + ": " + disagreement(world, ctx, access, expected, new TreeSet<>(paged)));
                }
                assertEquals(user + " " + access + " pages in the database's order", new ArrayList<>(rows), paged);
                long counted = tx.read(em -> filter.bind(em.createQuery("select count(o) from OracleRecordEntity o "
                    + "where " + filter.jpql(), Long.class)).getSingleResult());
                assertEquals(user + " " + access + " count", expected.size(), counted);
                cases += world.records.size() + 1;
                // Single records: some the user reaches, some not.
                for (int i = 0; i < 6; i++) {
                    World.Rec rec = world.records.get(sample.nextInt(world.records.size()));
                    assertEquals(user + " " + access + " " + rec, expected.contains(rec.id),
                        engine.reaches(ctx, OBJECT, rec.id, access));
                    cases++;
                }
            }
            ObjectAccess fields = engine.access(ctx, OBJECT);
            for (String action : List.of(Actions.VIEW, Actions.EDIT, Actions.CREATE, Actions.DELETE, "claim")) {
                assertEquals(user + " may " + action, oracle.may(user, action), fields.can(action));
                cases++;
            }
            for (String field : FIELDS) {
                assertEquals(user + " field " + field, oracle.field(user, field), fields.field(field));
                cases++;
            }
        }
        return cases;
    }

    /** The records of the filter, pageSize at a time through VisibleRows, in the database's order of names and ids. */
    private static List<String> pages(VisibilityFilter filter, int pageSize) {
        // One transaction for the walk: a connection per page made the PostgreSQL run minutes longer.
        return tx.read(em -> {
            List<String> ids = new ArrayList<>();
            OracleRecordEntity after = null;
            do {
                String where = null;
                Map<String, Object> parameters = new HashMap<>();
                if (after != null) {
                    // Names sort below null, as both databases order them ascending.
                    where = after.getName() == null ? "o.name is null and o.id > :afterId"
                        : "o.name > :after or (o.name = :after and o.id > :afterId) or o.name is null";
                    if (after.getName() != null) {
                        parameters.put("after", after.getName());
                    }
                    parameters.put("afterId", after.getId());
                }
                List<OracleRecordEntity> page = VisibleRows.first(em, OracleRecordEntity.class, "o", filter,
                    where, parameters, ORDER, pageSize);
                page.forEach(r -> ids.add(r.getId()));
                after = page.size() < pageSize ? null : page.get(page.size() - 1);
            } while (after != null);
            return ids;
        });
    }

    /** Each record the two disagree on, with the engine's reasons for one record (explain's). */
    private static String disagreement(World world, CallContext ctx, RecordAccess access, Set<String> expected,
                                       Set<String> listed) {
        StringBuilder why = new StringBuilder();
        for (World.Rec rec : world.records) {
            if (expected.contains(rec.id()) != listed.contains(rec.id())) {
                why.append("\n  ").append(rec).append(": oracle ").append(expected.contains(rec.id()))
                    .append(", query ").append(listed.contains(rec.id())).append(", engine's reasons ")
                    .append(reach.reasons(ctx, OBJECT, rec.id(), access));
            }
        }
        return why.toString();
    }

    private static void store(World world) {
        tx.inTransaction(em -> {
            for (World.Rec rec : world.records) {
                OracleRecordEntity row = new OracleRecordEntity();
                row.setId(rec.id);
                row.setTenantId(rec.tenant);
                row.setOwnerUserId(rec.ownerUser);
                row.setOwnerCompanyId(rec.ownerCompany);
                row.setName(rec.name);
                em.persist(row);
                OWNERS.put(rec.id, new RecordOwnership(rec.id, rec.tenant, rec.ownerUser, rec.ownerCompany));
            }
            for (World.User user : world.users) {
                for (String role : user.roles) {
                    em.createNativeQuery("insert into OP_USER_ROLE (ID, TENANT_ID, USER_ID, ROLE_KEY, CREATED_AT) "
                            + "values (?, ?, ?, ?, ?)")
                        .setParameter(1, world.id("ra")).setParameter(2, user.tenant).setParameter(3, user.id)
                        .setParameter(4, role).setParameter(5, new java.sql.Timestamp(0)).executeUpdate();
                }
            }
            world.scopes.forEach((company, scope) -> {
                DataScopeEntity row = new DataScopeEntity();
                row.setId(world.id("scope"));
                row.setTenantId(world.tenant);
                row.setObjectName(OBJECT);
                row.setCompanyId(company);
                row.setScope(scope.name());
                row.setUpdatedAt(Instant.now());
                em.persist(row);
            });
            for (World.Grant grant : world.grants) {
                ShareGrant row = new ShareGrant();
                row.setId(world.id("grant"));
                row.setTenantId(grant.tenant);
                row.setObjectName(OBJECT);
                row.setRecordId(grant.recordId);
                row.setPrincipal(grant.principal);
                row.setAccessLevel(grant.write ? ShareGrant.WRITE : ShareGrant.READ);
                row.setSource(grant.principal.equals(ShareGrant.HIDDEN_FROM_PARENTS)
                    ? ShareGrant.SOURCE_HIDE_FROM_PARENTS : ShareGrant.SOURCE_TEAM);
                row.setCreatedAt(Instant.now());
                em.persist(row);
            }
            world.groups.forEach((group, members) -> members.forEach(member -> {
                GroupMembership row = new GroupMembership();
                row.setId(world.id("gm"));
                row.setTenantId(world.tenant);
                row.setGroupId(group);
                row.setUserId(member);
                row.setAddedAt(Instant.now());
                em.persist(row);
            }));
            for (World.Rule rule : world.rules) {
                ShareRule row = new ShareRule();
                row.setId(world.id("rule"));
                row.setTenantId(world.tenant);
                row.setObjectName(OBJECT);
                row.setSourceKind(rule.sourceKind);
                row.setSourceKey(rule.sourceKey);
                row.setTarget(rule.target);
                row.setAccessLevel(rule.write ? ShareGrant.WRITE : ShareGrant.READ);
                row.setCreatedAt(Instant.now());
                em.persist(row);
            }
            // The hierarchy's closure: one row per ancestor of each company's partner.
            for (String company : world.companies) {
                int depth = 0;
                for (String above = world.parent.get(company); above != null; above = world.parent.get(above)) {
                    HierarchyLink link = new HierarchyLink();
                    link.setId(world.id("link"));
                    link.setTenantId(world.tenant);
                    link.setAncestorPartnerId("p-" + above);
                    link.setAncestorCompanyId(above);
                    link.setDescendantPartnerId("p-" + company);
                    link.setDescendantCompanyId(company);
                    link.setDepth(++depth);
                    link.setAccessLevel(world.parentsWrite ? ShareGrant.WRITE : ShareGrant.READ);
                    em.persist(link);
                }
            }
            world.permissions.forEach((role, actions) -> {
                RoleObjectPermissionEntity row = new RoleObjectPermissionEntity();
                row.setId(world.id("perm"));
                row.setTenantId(world.tenant);
                row.setRoleKey(role);
                row.setObjectName(OBJECT);
                row.setActions(actions);
                row.setUpdatedAt(Instant.now());
                em.persist(row);
            });
            world.fieldLevels.forEach((role, levels) -> levels.forEach((field, level) -> {
                RoleFieldPermissionEntity row = new RoleFieldPermissionEntity();
                row.setId(world.id("field"));
                row.setTenantId(world.tenant);
                row.setRoleKey(role);
                row.setObjectName(OBJECT);
                row.setFieldName(field);
                row.setAccess(level.name());
                em.persist(row);
            }));
            return null;
        });
    }

    /** A generated upstream with its channel, plus a second upstream whose records must never leak. */
    static final class World {

        record User(String id, String tenant, String company, Set<String> roles, boolean staff) {
            boolean external() {
                return company != null;
            }

            CallContext context() {
                if (external()) {
                    return new CallContext(id, null, id, tenant, company, roles, false, false, company);
                }
                Set<String> all = new HashSet<>(roles);
                if (staff) {
                    all.add(CallContext.ROLE_CHANNEL_MANAGER);
                }
                return new CallContext(id, id, id, tenant, tenant, all, false, false);
            }

            @Override
            public String toString() {
                return "user " + id + (external() ? " of " + company : staff ? " (staff)" : " (employee)")
                    + " roles " + roles;
            }
        }

        record Rec(String id, String tenant, String ownerUser, String ownerCompany, String name) {
            @Override
            public String toString() {
                return "record " + id + " owned by " + ownerUser + " within " + ownerCompany + " of " + tenant;
            }
        }

        record Grant(String tenant, String recordId, String principal, boolean write) {
        }

        record Rule(String sourceKind, String sourceKey, String target, boolean write) {
        }

        final long seed;
        final String tenant;
        final String foreignTenant;
        final List<String> companies = new ArrayList<>();
        final Map<String, String> parent = new HashMap<>();
        final List<User> users = new ArrayList<>();
        final List<Rec> records = new ArrayList<>();
        final Map<String, DataScope> scopes = new HashMap<>();
        final List<Grant> grants = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
        /** User groups: id to member user ids, of any company or none. */
        final Map<String, Set<String>> groups = new HashMap<>();
        final Map<String, Set<String>> permissions = new HashMap<>();
        final Map<String, Map<String, FieldAccess>> fieldLevels = new HashMap<>();
        boolean parentsWrite;
        private int ids;

        private World(long seed, String name) {
            this.seed = seed;
            this.tenant = "t-" + name;
            this.foreignTenant = "f-" + name;
        }

        String id(String kind) {
            return tenant + "-" + kind + "-" + (ids++);
        }

        static World generate(long seed, String name) {
            Random r = new Random(seed);
            // Names draw from their own sequence, so that a seed keeps the rest of its world.
            Random names = new Random(~seed);
            World w = new World(seed, name);
            int companyCount = 4 + r.nextInt(9);
            for (int i = 0; i < companyCount; i++) {
                String company = w.tenant + "-c" + i;
                w.companies.add(company);
                // A forest: a company's parent is an earlier one, so there is never a cycle.
                if (i > 0 && r.nextInt(10) < 6) {
                    w.parent.put(company, w.companies.get(r.nextInt(i)));
                }
                for (int u = 0, n = 1 + r.nextInt(3); u < n; u++) {
                    w.users.add(new User(w.id("u"), w.tenant, company, someOf(r, EXTERNAL_ROLES), false));
                }
            }
            w.users.add(new User(w.id("staff"), w.tenant, null, Set.of(), true));
            for (int i = 0; i < 2; i++) {
                w.users.add(new User(w.id("emp"), w.tenant, null, r.nextBoolean() ? Set.of(INTERNAL_ROLE) : Set.of(), false));
            }
            User foreign = new User(w.id("foreign"), w.foreignTenant, w.foreignTenant + "-c0", Set.of("r1"), false);
            w.users.add(foreign);
            List<User> own = w.users.subList(0, w.users.size() - 1);
            for (int i = 0, n = 40 + r.nextInt(60); i < n; i++) {
                User owner = r.nextInt(12) == 0 ? null : own.get(r.nextInt(own.size()));
                w.records.add(new Rec(w.id("rec"), w.tenant, owner == null ? null : owner.id(),
                    owner == null ? null : owner.company(), NAMES[names.nextInt(NAMES.length)]));
            }
            for (int i = 0; i < 6; i++) {
                w.records.add(new Rec(w.id("frec"), w.foreignTenant, foreign.id(), foreign.company(),
                    NAMES[names.nextInt(NAMES.length)]));
            }
            if (r.nextInt(4) > 0) {
                w.scopes.put(DataScopeEntity.ALL_COMPANIES, SCOPES[r.nextInt(SCOPES.length)]);
            }
            for (String company : w.companies) {
                if (r.nextInt(10) < 4) {
                    w.scopes.put(company, SCOPES[r.nextInt(SCOPES.length)]);
                }
            }
            List<String> principals = new ArrayList<>(List.of("A:"));
            own.forEach(u -> principals.add("U:" + u.id()));
            w.companies.forEach(c -> principals.add("C:" + c));
            EXTERNAL_ROLES.forEach(role -> principals.add("R:" + role));
            principals.add("R:" + INTERNAL_ROLE);
            principals.add("U:" + foreign.id());
            for (int i = 0, n = r.nextInt(4); i < n; i++) {
                Set<String> members = new HashSet<>();
                own.forEach(u -> {
                    if (r.nextInt(4) == 0) {
                        members.add(u.id());
                    }
                });
                w.groups.put(w.id("group"), members);
            }
            // Related teams name users, companies, roles and "all"; rules may name user groups too.
            List<String> rulePrincipals = new ArrayList<>(principals);
            w.groups.keySet().forEach(group -> rulePrincipals.add("G:" + group));
            for (int i = 0, n = r.nextInt(w.records.size() / 2); i < n; i++) {
                Rec rec = w.records.get(r.nextInt(w.records.size()));
                String principal = principals.get(r.nextInt(principals.size()));
                if (w.grants.stream().noneMatch(g -> g.recordId().equals(rec.id()) && g.principal().equals(principal))) {
                    w.grants.add(new Grant(rec.tenant(), rec.id(), principal, r.nextBoolean()));
                }
            }
            for (Rec rec : w.records) {
                if (r.nextInt(7) == 0) {
                    w.grants.add(new Grant(rec.tenant(), rec.id(), ShareGrant.HIDDEN_FROM_PARENTS, false));
                }
            }
            List<String> groupIds = new ArrayList<>(new java.util.TreeSet<>(w.groups.keySet()));
            for (int i = 0, n = r.nextInt(6); i < n; i++) {
                int kind = r.nextInt(groupIds.isEmpty() ? 2 : 3);
                List<String> roleSources = new ArrayList<>(EXTERNAL_ROLES);
                roleSources.add(INTERNAL_ROLE);
                w.rules.add(switch (kind) {
                    case 0 -> new Rule(ShareRule.SOURCE_COMPANY, w.companies.get(r.nextInt(w.companies.size())),
                        rulePrincipals.get(r.nextInt(rulePrincipals.size())), r.nextBoolean());
                    case 1 -> new Rule(ShareRule.SOURCE_ROLE, roleSources.get(r.nextInt(roleSources.size())),
                        rulePrincipals.get(r.nextInt(rulePrincipals.size())), r.nextBoolean());
                    default -> new Rule(ShareRule.SOURCE_GROUP, groupIds.get(r.nextInt(groupIds.size())),
                        rulePrincipals.get(r.nextInt(rulePrincipals.size())), r.nextBoolean());
                });
            }
            List<String> roles = new ArrayList<>(EXTERNAL_ROLES);
            roles.add(INTERNAL_ROLE);
            List<String> actions = List.of(Actions.VIEW, Actions.CREATE, Actions.EDIT, Actions.DELETE, "claim");
            for (String role : roles) {
                if (r.nextInt(10) < 6) {
                    w.permissions.put(role, someOf(r, actions));
                }
                Map<String, FieldAccess> levels = new HashMap<>();
                for (String field : FIELDS) {
                    if (r.nextInt(3) == 0) {
                        levels.put(field, FieldAccess.values()[r.nextInt(FieldAccess.values().length)]);
                    }
                }
                if (!levels.isEmpty()) {
                    w.fieldLevels.put(role, levels);
                }
            }
            w.parentsWrite = r.nextBoolean();
            return w;
        }

        private static Set<String> someOf(Random r, Collection<String> values) {
            Set<String> some = new LinkedHashSet<>();
            values.forEach(v -> {
                if (r.nextBoolean()) {
                    some.add(v);
                }
            });
            return some;
        }
    }

    /**
     * SPEC S4 and S11 as plainly as they read, record by record, without the engine's code: ownership, the data
     * scope's table, grants, rules, the hierarchy, and the roles' union of permissions.
     */
    static final class Oracle {

        private final World world;

        Oracle(World world) {
            this.world = world;
        }

        boolean reaches(World.User user, World.Rec rec, boolean write) {
            if (!user.tenant().equals(rec.tenant())) {
                return false;
            }
            if (user.staff()) {
                return true;
            }
            if (user.id().equals(rec.ownerUser())) {
                return true;
            }
            if (user.external() && rec.ownerCompany() != null) {
                DataScope scope = scopeOf(user.company());
                // Read: company scopes reach the own company, public ones every company. Write: Company RW and
                // Public RO reach the own company, Public RW every company.
                boolean ownCompany = rec.ownerCompany().equals(user.company());
                boolean byScope = switch (scope) {
                    case PRIVATE -> false;
                    case COMPANY_READ_ONLY -> !write && ownCompany;
                    case COMPANY_READ_WRITE -> ownCompany;
                    case PUBLIC_READ_ONLY -> !write || ownCompany;
                    case PUBLIC_READ_WRITE -> true;
                };
                if (byScope) {
                    return true;
                }
            }
            Set<String> mine = new HashSet<>();
            mine.add("U:" + user.id());
            user.roles().forEach(role -> mine.add("R:" + role));
            if (user.external()) {
                mine.add("C:" + user.company());
                mine.add("A:");
            }
            world.groups.forEach((group, members) -> {
                if (members.contains(user.id())) {
                    mine.add("G:" + group);
                }
            });
            for (World.Grant grant : world.grants) {
                if (grant.recordId().equals(rec.id()) && mine.contains(grant.principal()) && (!write || grant.write())) {
                    return true;
                }
            }
            for (World.Rule rule : world.rules) {
                boolean sourceOwns = switch (rule.sourceKind()) {
                    case ShareRule.SOURCE_COMPANY -> rule.sourceKey().equals(rec.ownerCompany());
                    case ShareRule.SOURCE_GROUP -> rec.ownerUser() != null
                        && world.groups.get(rule.sourceKey()).contains(rec.ownerUser());
                    default -> rolesOf(rec.ownerUser()).contains(rule.sourceKey());
                };
                if (sourceOwns && mine.contains(rule.target()) && (!write || rule.write())) {
                    return true;
                }
            }
            if (user.external() && rec.ownerCompany() != null && (!write || world.parentsWrite)
                && world.grants.stream().noneMatch(g -> g.recordId().equals(rec.id())
                    && g.principal().equals(ShareGrant.HIDDEN_FROM_PARENTS))) {
                for (String above = world.parent.get(rec.ownerCompany()); above != null; above = world.parent.get(above)) {
                    if (above.equals(user.company())) {
                        return true;
                    }
                }
            }
            return false;
        }

        private DataScope scopeOf(String company) {
            DataScope own = world.scopes.get(company);
            if (own != null) {
                return own;
            }
            return world.scopes.getOrDefault(DataScopeEntity.ALL_COMPANIES, DataScope.PRIVATE);
        }

        private Set<String> rolesOf(String userId) {
            return world.users.stream().filter(u -> u.id().equals(userId)).findFirst().map(World.User::roles)
                .orElse(Set.of());
        }

        /**
         * A role's actions: as configured for the user's tenant, or until then view for an external role and nothing
         * for an internal one.
         */
        private Set<String> actionsOf(World.User user, String role) {
            boolean external = user.external();
            Set<String> configured = user.tenant().equals(world.tenant) ? world.permissions.get(role) : null;
            return configured != null ? configured : external ? Set.of(Actions.VIEW) : Set.of();
        }

        boolean may(World.User user, String action) {
            if (user.staff()) {
                return true;
            }
            return user.roles().stream().anyMatch(role -> actionsOf(user, role).contains(action));
        }

        /** The most permissive level among the user's roles that may view the object; hidden when none may. */
        FieldAccess field(World.User user, String field) {
            if (user.staff()) {
                return FieldAccess.READ_WRITE;
            }
            FieldAccess best = null;
            for (String role : user.roles()) {
                if (actionsOf(user, role).contains(Actions.VIEW)) {
                    Map<String, FieldAccess> levels = user.tenant().equals(world.tenant)
                        ? world.fieldLevels.getOrDefault(role, Map.of()) : Map.of();
                    FieldAccess level = levels.getOrDefault(field, FieldAccess.READ_WRITE);
                    best = best == null || level.ordinal() > best.ordinal() ? level : best;
                }
            }
            return best == null ? FieldAccess.HIDDEN : best;
        }
    }
}
