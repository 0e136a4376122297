package org.openpartner.access.api;

import java.util.List;

import org.openpartner.access.api.dto.ObjectPermissions;
import org.openpartner.access.api.dto.PermissionsInput;
import org.openpartner.access.api.dto.RoleInput;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.dto.Role;
import org.osgi.annotation.versioning.ProviderType;

/**
 * External roles of an upstream and their object and field permissions. For the tenant's administrators and
 * channel managers; a role or object of another tenant, or one no installed bundle registers, is "not found".
 */
@ProviderType
public interface PermissionAdmin {

    /** The tenant's external roles. */
    List<Role> externalRoles(CallContext ctx);

    /** Creates a custom external role; until it is configured for an object, the object's defaults for external roles apply. */
    Role createRole(CallContext ctx, RoleInput input);

    /** Deletes a custom external role with its permissions; its users lose it. System roles cannot be deleted. */
    void deleteRole(CallContext ctx, String roleKey);

    /** The role's permissions on every registered object. */
    List<ObjectPermissions> permissions(CallContext ctx, String roleKey);

    ObjectPermissions permissions(CallContext ctx, String roleKey, String objectName);

    /**
     * Changes the role's permissions on the object; unknown actions or fields are 400 naming them, and the id or
     * a field the platform maintains cannot be made writable or (the id) hidden.
     */
    ObjectPermissions setPermissions(CallContext ctx, String roleKey, String objectName, PermissionsInput input);

    /** Gives an external user of the tenant one more external role (idempotent). */
    void assignRole(CallContext ctx, String userId, String roleKey);

    /** Takes an external role from an external user of the tenant (idempotent). */
    void revokeRole(CallContext ctx, String userId, String roleKey);
}
