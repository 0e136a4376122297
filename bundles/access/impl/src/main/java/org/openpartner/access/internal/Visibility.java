package org.openpartner.access.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.access.DataScope;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.VisibilityFilter;
import org.openpartner.platform.api.access.jpa.ShareGrant;
import org.openpartner.platform.api.access.jpa.ShareRule;

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
    static final String SOURCE_ROLE = "opAccSourceRole";
    static final String ANCESTOR_COMPANY = "opAccAncestor";
    static final String HIDDEN = "opAccHidden";
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Visibility() {
    }

    /** The keys grants name the caller by: itself, its roles and, for an external user, its company and "all". */
    static List<String> principals(CallContext ctx) {
        List<String> keys = new ArrayList<>();
        keys.add("U:" + ctx.userId());
        if (ctx.isExternal()) {
            keys.add("C:" + ctx.companyId());
            keys.add("A:");
        }
        new TreeSet<>(ctx.roles()).forEach(role -> keys.add("R:" + role));
        return keys;
    }

    /** Whether the caller reaches every record of its tenant (channel staff, the console). */
    static boolean reachesTenant(CallContext ctx) {
        return ctx.isConsole() || ctx.isChannelStaff();
    }

    /**
     * @param scope     the data scope of the caller's company; only consulted for external users
     * @param shareable whether the object's records carry grants (then the query's unit maps {@link ShareGrant})
     */
    static VisibilityFilter filter(CallContext ctx, String object, boolean shareable, DataScope scope, String alias,
                                   RecordAccess access) {
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
        parameters.put(USER, ctx.userId());
        StringBuilder reach = new StringBuilder(alias).append(".ownerUserId = :").append(USER);
        if (ctx.isExternal()) {
            if (scope.coversAllCompanies(access)) {
                reach.append(" or ").append(alias).append(".ownerCompanyId is not null");
            } else if (scope.coversCompany(access)) {
                parameters.put(COMPANY, ctx.companyId());
                reach.append(" or ").append(alias).append(".ownerCompanyId = :").append(COMPANY);
            }
        }
        if (shareable) {
            parameters.put(OBJECT, object);
            parameters.put(PRINCIPALS, principals(ctx));
            boolean write = access == RecordAccess.WRITE;
            if (write) {
                parameters.put(WRITE_LEVEL, ShareGrant.WRITE);
            }
            reach.append(" or exists (select g.id from ShareGrant g where g.tenantId = :").append(TENANT)
                .append(" and g.objectName = :").append(OBJECT)
                .append(" and g.recordId = ").append(alias).append(".id and g.principal in :").append(PRINCIPALS)
                .append(writeOnly(write, "g")).append(")");
            // Sharing rules whose target is one of the caller's principals and whose source owns the record: a
            // company source by the owner's company, a role source by the owner's role assignments. Two flat
            // subqueries: OpenJPA 3.2 translates a reference to a subquery's variable from a subquery nested in it
            // into a new, uncorrelated join of that entity (found by AccessOracleTest), so nothing here nests.
            parameters.put(SOURCE_COMPANY, ShareRule.SOURCE_COMPANY);
            parameters.put(SOURCE_ROLE, ShareRule.SOURCE_ROLE);
            reach.append(" or exists (select r.id from ShareRule r where r.tenantId = :").append(TENANT)
                .append(" and r.objectName = :").append(OBJECT).append(" and r.target in :").append(PRINCIPALS)
                .append(writeOnly(write, "r")).append(" and r.sourceKind = :").append(SOURCE_COMPANY)
                .append(" and r.sourceKey = ").append(alias).append(".ownerCompanyId)");
            reach.append(" or exists (select r.id from ShareRule r, RoleAssignment a where r.tenantId = :").append(TENANT)
                .append(" and r.objectName = :").append(OBJECT).append(" and r.target in :").append(PRINCIPALS)
                .append(writeOnly(write, "r")).append(" and r.sourceKind = :").append(SOURCE_ROLE)
                .append(" and a.tenantId = :").append(TENANT).append(" and a.userId = ").append(alias)
                .append(".ownerUserId and a.roleKey = r.sourceKey)");
            if (ctx.isExternal()) {
                // The partner hierarchy: records owned within a partner below the caller's company, unless the
                // record is hidden from parent partners.
                parameters.put(ANCESTOR_COMPANY, ctx.companyId());
                parameters.put(HIDDEN, ShareGrant.HIDDEN_FROM_PARENTS);
                reach.append(" or (exists (select h.id from HierarchyLink h where h.tenantId = :").append(TENANT)
                    .append(" and h.descendantCompanyId = ").append(alias).append(".ownerCompanyId and h.ancestorCompanyId = :")
                    .append(ANCESTOR_COMPANY).append(writeOnly(write, "h")).append(") and not exists (select x.id from ShareGrant x where x.tenantId = :")
                    .append(TENANT).append(" and x.objectName = :").append(OBJECT).append(" and x.recordId = ").append(alias)
                    .append(".id and x.principal = :").append(HIDDEN).append("))");
            }
        }
        return new VisibilityFilter("(" + tenant + " and (" + reach + "))", parameters);
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
