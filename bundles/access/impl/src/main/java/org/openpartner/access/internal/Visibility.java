package org.openpartner.access.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.access.DataScope;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.VisibilityFilter;

/** The JPQL condition of SPEC S4's data scopes: the rules in one place, without the database, tested case by case. */
final class Visibility {

    static final String TENANT = "opAccTenant";
    static final String USER = "opAccUser";
    static final String COMPANY = "opAccCompany";
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Visibility() {
    }

    /**
     * @param scope the data scope of the caller's company; only consulted for external users
     */
    static VisibilityFilter filter(CallContext ctx, DataScope scope, String alias, RecordAccess access) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("not a JPQL identification variable: " + alias);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(TENANT, ctx.tenantId());
        String tenant = alias + ".tenantId = :" + TENANT;
        if (ctx.isConsole() || ctx.isChannelStaff()) {
            return new VisibilityFilter(tenant, parameters);
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
        } else if (!ctx.isInternal()) {
            return new VisibilityFilter(tenant + " and " + alias + ".id is null", Map.of(TENANT, ctx.tenantId()));
        }
        return new VisibilityFilter("(" + tenant + " and (" + reach + "))", parameters);
    }
}
