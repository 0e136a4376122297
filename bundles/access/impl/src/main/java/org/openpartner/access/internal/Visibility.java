package org.openpartner.access.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.access.DataScope;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.VisibilityFilter;
import org.openpartner.platform.api.access.jpa.ShareGrant;
import org.openpartner.platform.api.access.jpa.ShareRule;
import org.openpartner.platform.api.jpa.InLists;

/**
 * SPEC S4's reach as a JPQL condition: ownership, the data scope of the caller's company, the grants on each
 * record (related teams), the sharing rules and the partner hierarchy, evaluated in the query. The rules live here
 * once, without the database, and are tested case by case; {@link #reaches} answers the same question for one record in Java, for explanations.
 */
final class Visibility {

    static final String TENANT = "opAccTenant";
    static final String USER = "opAccUser";
    static final String COMPANY = "opAccCompany";
    static final String OBJECT = "opAccObject";
    static final String PRINCIPALS = "opAccPrincipals";
    static final String WRITE_LEVEL = "opAccWrite";
    static final String SOURCE_COMPANY = "opAccSourceCompany";
    static final String RULE_ROLES = "opAccRuleRoles";
    static final String RULE_GROUPS = "opAccRuleGroups";
    static final String ANCESTOR_COMPANY = "opAccAncestor";
    static final String HIDDEN = "opAccHidden";
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Visibility() {
    }

    /** The principal key prefix of a user group. */
    static final String GROUP = "G:";

    /**
     * The keys grants and rules name the caller by: itself, its roles, the given user groups it belongs to and, for
     * an external user, its company and "all".
     */
    static List<String> principals(CallContext ctx, Collection<String> groups) {
        List<String> keys = new ArrayList<>();
        keys.add("U:" + ctx.userId());
        if (ctx.isExternal()) {
            keys.add("C:" + ctx.companyId());
            keys.add("A:");
        }
        new TreeSet<>(ctx.roles()).forEach(role -> keys.add("R:" + role));
        new TreeSet<>(groups).forEach(group -> keys.add(GROUP + group));
        return keys;
    }

    /** Whether the key has one of the prefixes by which the access model itself names callers. */
    static boolean isOwnPrefix(String key) {
        return key.length() < 2 || switch (key.substring(0, 2)) {
            case "U:", "C:", "A:", "R:", GROUP, "H:" -> true;
            default -> false;
        };
    }

    /** Whether the caller reaches every record of its tenant (channel staff, the console). */
    static boolean reachesTenant(CallContext ctx) {
        return ctx.isConsole() || ctx.isChannelStaff();
    }

    /**
     * @param scope     the data scope of the caller's company; only consulted for external users
     * @param shareable whether the object's records carry grants (then the query's unit maps {@link ShareGrant})
     * @param sharing   the caller's principals and the rules that target it (see {@link RecordReach#sharing}), read
     *                  before the filter is built; only consulted for shareable objects
     */
    static VisibilityFilter filter(CallContext ctx, String object, boolean shareable, DataScope scope, String alias,
                                   RecordAccess access, CallerSharing sharing) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("not a JPQL identification variable: " + alias);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(TENANT, ctx.tenantId());
        String tenant = alias + ".tenantId = :" + TENANT;
        if (reachesTenant(ctx)) {
            return new VisibilityFilter(tenant, parameters);
        }
        if (!ctx.isExternal() && !ctx.isInternal()) {
            return new VisibilityFilter(tenant + " and " + alias + ".id is null", parameters);
        }
        Reach reach = new Reach(tenant, parameters);
        reach.add(alias + ".ownerUserId = :" + USER, USER, ctx.userId());
        if (ctx.isExternal()) {
            if (scope.coversAllCompanies(access)) {
                reach.add(alias + ".ownerCompanyId is not null");
            } else if (scope.coversCompany(access)) {
                reach.add(alias + ".ownerCompanyId = :" + COMPANY, COMPANY, ctx.companyId());
            }
        }
        if (shareable) {
            boolean write = access == RecordAccess.WRITE;
            Object[] granted = writing(write, OBJECT, object, PRINCIPALS, sharing.principals());
            // For the keyed alternatives the tenant is a check, not an index's start: with "tenantId = :t" Derby
            // walks the (tenant, name) index of the list's order, 260,000 records for 20 owners at a million records
            // (access benchmark), instead of probing the keys' index. Bounded by the list's first sort key, the keys'
            // index serves the tenant too (VisibleRows).
            String tenantOf = "concat(" + alias + ".tenantId, '') = :" + TENANT;
            String grants = "from ShareGrant g where g.tenantId = :" + TENANT + " and g.objectName = :" + OBJECT
                + " and g.principal in :" + PRINCIPALS + writeOnly(write, "g");
            reach.add("exists (select g.id " + grants + " and g.recordId = " + alias + ".id)",
                new VisibilityFilter.Keys(alias + ".id", "select g.recordId " + grants, tenantOf, null, tenant), granted);
            // Sharing rules whose target is one of the caller's principals and whose source owns the record: a
            // company source by the owner's company, a role source by the owner's role assignments. Two flat
            // subqueries: OpenJPA 3.2 translates a reference to a subquery's variable from a subquery nested in it
            // into a new, uncorrelated join of that entity (found by AccessOracleTest), so nothing here nests.
            String rules = " where r.tenantId = :" + TENANT + " and r.objectName = :" + OBJECT + " and r.target in :"
                + PRINCIPALS + writeOnly(write, "r");
            String companyRules = "from ShareRule r" + rules + " and r.sourceKind = :" + SOURCE_COMPANY;
            reach.add("exists (select r.id " + companyRules + " and r.sourceKey = " + alias + ".ownerCompanyId)",
                new VisibilityFilter.Keys(alias + ".ownerCompanyId", "select r.sourceKey " + companyRules, tenantOf, null, tenant),
                append(granted, SOURCE_COMPANY, ShareRule.SOURCE_COMPANY));
            // Role sources come resolved (a few rules, read first): the holders are then asked for by role key, which
            // PostgreSQL estimates from the key's own statistics; joined to the rules, it planned for the average
            // role and scanned every assignment of the tenant (45 ms at 100,000 users, access benchmark).
            Set<String> ruleRoles = sharing.sources(ShareRule.SOURCE_ROLE, access);
            if (!ruleRoles.isEmpty()) {
                String holders = "from RoleAssignment a where a.tenantId = :" + TENANT + " and a.roleKey in :" + RULE_ROLES;
                reach.add("exists (select a.id " + holders + " and a.userId = " + alias + ".ownerUserId)",
                    new VisibilityFilter.Keys(alias + ".ownerUserId", "select a.userId " + holders, tenantOf, null, tenant),
                    RULE_ROLES, InLists.paddedWithoutBound(new ArrayList<>(ruleRoles)));
            }
            // User group sources the same way: the groups' members, asked for by group id.
            Set<String> ruleGroups = sharing.sources(ShareRule.SOURCE_GROUP, access);
            if (!ruleGroups.isEmpty()) {
                String members = "from GroupMembership m where m.tenantId = :" + TENANT + " and m.groupId in :" + RULE_GROUPS;
                reach.add("exists (select m.id " + members + " and m.userId = " + alias + ".ownerUserId)",
                    new VisibilityFilter.Keys(alias + ".ownerUserId", "select m.userId " + members, tenantOf, null, tenant),
                    RULE_GROUPS, InLists.paddedWithoutBound(new ArrayList<>(ruleGroups)));
            }
            if (ctx.isExternal()) {
                // The partner hierarchy: records owned within a partner below the caller's company, unless the
                // record is hidden from parent partners.
                Object[] hierarchy = writing(write, ANCESTOR_COMPANY, ctx.companyId(), OBJECT, object, HIDDEN,
                    ShareGrant.HIDDEN_FROM_PARENTS);
                String below = "from HierarchyLink h where h.tenantId = :" + TENANT + " and h.ancestorCompanyId = :"
                    + ANCESTOR_COMPANY + writeOnly(write, "h");
                String hidden = "from ShareGrant x where x.tenantId = :" + TENANT + " and x.objectName = :" + OBJECT
                    + " and x.principal = :" + HIDDEN;
                reach.add("(exists (select h.id " + below + " and h.descendantCompanyId = " + alias + ".ownerCompanyId) and "
                    + "not exists (select x.id " + hidden + " and x.recordId = " + alias + ".id))",
                    new VisibilityFilter.Keys(alias + ".ownerCompanyId", "select h.descendantCompanyId " + below, tenantOf,
                        "select x.recordId " + hidden, tenant), hierarchy);
            }
        }
        return reach.filter();
    }

    /** The parameters (name, value, ...), with the write level when {@code write} (see {@link #writeOnly}). */
    private static Object[] writing(boolean write, Object... parameters) {
        return write ? append(parameters, WRITE_LEVEL, ShareGrant.WRITE) : parameters;
    }

    private static Object[] append(Object[] parameters, String name, Object value) {
        Object[] more = Arrays.copyOf(parameters, parameters.length + 2);
        more[parameters.length] = name;
        more[parameters.length + 1] = value;
        return more;
    }

    /**
     * The ways a record can be reached, each a condition with its own parameters: the filter is the tenant and their
     * disjunction, and each with the tenant is one of its alternatives ({@link org.openpartner.platform.api.access.VisibleRows}).
     */
    private static final class Reach {
        private final String tenant;
        private final Map<String, Object> tenantParameter;
        private final Map<String, Object> parameters;
        private final List<String> conditions = new ArrayList<>();
        private final List<VisibilityFilter> alternatives = new ArrayList<>();

        Reach(String tenant, Map<String, Object> tenantParameter) {
            this.tenant = tenant;
            this.tenantParameter = Map.copyOf(tenantParameter);
            this.parameters = new LinkedHashMap<>(tenantParameter);
        }

        /** A condition and its parameters, as name, value, name, value... */
        void add(String condition, Object... nameValues) {
            add(condition, (VisibilityFilter.Keys) null, nameValues);
        }

        /** A condition that is also {@code keys}, and its parameters. */
        void add(String condition, VisibilityFilter.Keys keys, Object... nameValues) {
            Map<String, Object> own = new LinkedHashMap<>(tenantParameter);
            for (int i = 0; i < nameValues.length; i += 2) {
                own.put((String) nameValues[i], nameValues[i + 1]);
            }
            parameters.putAll(own);
            conditions.add(condition);
            alternatives.add(new VisibilityFilter("(" + tenant + " and " + condition + ")", own, List.of(), keys));
        }

        VisibilityFilter filter() {
            return new VisibilityFilter("(" + tenant + " and (" + String.join(" or ", conditions) + "))", parameters,
                alternatives);
        }
    }

    /** For a write, the condition that the grant, rule or hierarchy link {@code variable} gives write access. */
    private static String writeOnly(boolean write, String variable) {
        return write ? " and " + variable + ".accessLevel = :" + WRITE_LEVEL : "";
    }

    /**
     * The same decision for one record: why the caller reaches it, or an empty list. {@code grants} are the
     * record's grants naming one of the caller's principals, for this access.
     */
    static List<String> reaches(CallContext ctx, DataScope scope, String tenantId, String ownerUserId,
                                String ownerCompanyId, RecordAccess access, List<String> grants) {
        List<String> reasons = new ArrayList<>();
        if (!ctx.tenantId().equals(tenantId)) {
            return reasons;
        }
        if (reachesTenant(ctx)) {
            reasons.add("channel staff reach every record of their enterprise");
            return reasons;
        }
        if (!ctx.isExternal() && !ctx.isInternal()) {
            return reasons;
        }
        if (ctx.userId().equals(ownerUserId)) {
            reasons.add("owns the record");
        }
        if (ctx.isExternal() && ownerCompanyId != null) {
            if (scope.coversAllCompanies(access)) {
                reasons.add("data scope " + scope + " reaches the records of every downstream company");
            } else if (scope.coversCompany(access) && ownerCompanyId.equals(ctx.companyId())) {
                reasons.add("data scope " + scope + " reaches the records owned within the user's company");
            }
        }
        reasons.addAll(grants);
        return reasons;
    }
}
