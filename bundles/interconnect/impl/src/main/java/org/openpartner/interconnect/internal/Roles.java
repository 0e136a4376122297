package org.openpartner.interconnect.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;

/** Role keys and the small checks every interconnection service shares. */
public final class Roles {

    /** The default external role, created when Partner is enabled. */
    public static final String DEALER_PERSONNEL = "dealer-personnel";

    private Roles() {
    }

    public static Set<String> orDefault(Collection<String> roles) {
        return roles == null || roles.isEmpty() ? Set.of(DEALER_PERSONNEL) : new TreeSet<>(requireKeys(roles));
    }

    public static String join(Collection<String> roles) {
        return roles == null ? null : String.join(",", new TreeSet<>(requireKeys(roles)));
    }

    /** A list of role keys as a request gives it: no blank entry (400 naming {@code roles}), none with a comma. */
    private static Collection<String> requireKeys(Collection<String> roles) {
        for (String role : roles) {
            if (role == null || role.isBlank() || role.contains(",")) {
                throw ApiException.badRequest("invalid_role", "roles are role keys, none empty", "roles");
            }
        }
        return roles;
    }

    public static Set<String> split(String roles) {
        return roles == null || roles.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(roles.split(",")));
    }

    public static void requireStaff(CallContext ctx) {
        ctx.requireChannelStaff("do this");
    }

    public static void requireOwnAdmin(CallContext ctx) {
        if (!ctx.isInternal() || !ctx.tenantAdmin()) {
            throw ApiException.forbidden("only an administrator of your enterprise, acting for it, may do this");
        }
    }
}
