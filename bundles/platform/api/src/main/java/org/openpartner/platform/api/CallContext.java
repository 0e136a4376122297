package org.openpartner.platform.api;

import java.util.Set;

/**
 * Who is calling and for which enterprise. Every service call that reads or writes tenant data takes one.
 *
 * @param userId        the platform user making the call
 * @param loginName     the user's login name (may be null when the user logs in by mobile only)
 * @param displayName   the user's name for display
 * @param tenantId      the enterprise the call acts for (the upstream tenant whose data is touched)
 * @param homeEnterpriseId the enterprise the user is an employee of
 * @param roles         keys of the roles the user holds in the acting tenant
 * @param tenantAdmin   whether the user administers the acting tenant
 * @param platformAdmin whether the user is the platform administrator
 * @param companyId     for an external user: the downstream company it acts within for the upstream tenant
 *                      (the connected enterprise); null for employees acting for their own enterprise
 */
public record CallContext(String userId, String loginName, String displayName, String tenantId,
                          String homeEnterpriseId, Set<String> roles, boolean tenantAdmin,
                          boolean platformAdmin, String companyId) {

    /** The role key of channel managers, created when Partner is enabled for a tenant. */
    public static final String ROLE_CHANNEL_MANAGER = "channel-manager";

    /** The user id of {@link #console(String)} contexts: no platform user has it. */
    public static final String CONSOLE_USER_ID = "console";

    public CallContext {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A context of an employee acting for an enterprise (no downstream company). */
    public CallContext(String userId, String loginName, String displayName, String tenantId, String homeEnterpriseId,
                       Set<String> roles, boolean tenantAdmin, boolean platformAdmin) {
        this(userId, loginName, displayName, tenantId, homeEnterpriseId, roles, tenantAdmin, platformAdmin, null);
    }

    /** True when the caller acts for an upstream tenant as a user of a connected downstream company. */
    public boolean isExternal() {
        return companyId != null;
    }

    /** Upstream staff who manage the channel: the tenant's administrators and its channel managers. */
    public boolean isChannelStaff() {
        return isInternal() && (tenantAdmin || hasRole(ROLE_CHANNEL_MANAGER));
    }

    /**
     * @param action what only channel staff may do, completing "only the enterprise's administrators and channel
     *               managers may ..." (e.g. "post announcements")
     * @throws ApiException 403 when the caller is not {@link #isChannelStaff() channel staff}
     */
    public void requireChannelStaff(String action) {
        if (!isChannelStaff()) {
            throw ApiException.forbidden("only the enterprise's administrators and channel managers may " + action);
        }
    }

    public boolean hasRole(String roleKey) {
        return roles.contains(roleKey);
    }

    /** True when the caller is an employee of the tenant it acts for (not an external user). */
    public boolean isInternal() {
        return companyId == null && tenantId != null && tenantId.equals(homeEnterpriseId);
    }

    /** True for the Karaf console, which acts as the platform admin and is no user that can own records. */
    public boolean isConsole() {
        return CONSOLE_USER_ID.equals(userId);
    }

    /** Builds the context the Karaf console acts with: the platform admin acting for {@code tenantId}. */
    public static CallContext console(String tenantId) {
        return new CallContext(CONSOLE_USER_ID, "karaf", "Karaf console", tenantId, tenantId, Set.of(), true, true);
    }
}
