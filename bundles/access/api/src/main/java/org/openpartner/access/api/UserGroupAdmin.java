package org.openpartner.access.api;

import java.util.List;

import org.openpartner.access.api.dto.GroupMember;
import org.openpartner.access.api.dto.UserGroup;
import org.openpartner.access.api.dto.UserGroupInput;
import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * User groups of a tenant (SPEC S4), for its administrators and channel managers: named sets of users, employees
 * and external users of any downstream company alike, that sharing rules name as their source (records the members
 * own) or target (the members). Membership is read by every query, so a change is in force for the next one.
 */
@ProviderType
public interface UserGroupAdmin {

    List<UserGroup> groups(CallContext ctx);

    UserGroup group(CallContext ctx, String groupId);

    /** @throws org.openpartner.platform.api.ApiException 409 {@code group_exists} when the name is taken */
    UserGroup create(CallContext ctx, UserGroupInput input);

    /** Renames the group or changes its description. */
    UserGroup update(CallContext ctx, String groupId, UserGroupInput input);

    /**
     * Deletes the group and its memberships.
     *
     * @throws org.openpartner.platform.api.ApiException 409 {@code group_in_use} while a sharing rule names it, so
     *         that deleting a group never silently widens or narrows what the rule shares
     */
    void delete(CallContext ctx, String groupId);

    List<GroupMember> members(CallContext ctx, String groupId);

    /**
     * Adds users (idempotent for members already in the group): all or, when one id is no active employee or external
     * user of the tenant, none (400 naming it).
     *
     * @return the group's members afterwards
     */
    List<GroupMember> addMembers(CallContext ctx, String groupId, List<String> userIds);

    void removeMember(CallContext ctx, String groupId, String userId);
}
