package org.openpartner.platform.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.openpartner.platform.api.dto.RecordType;
import org.openpartner.platform.api.dto.Role;
import org.openpartner.platform.api.dto.RoleKind;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Roles and record types of a tenant. Capabilities create the roles they need when they are enabled; the
 * access model (S4) builds permissions on them.
 */
@ProviderType
public interface RoleService {

    /** Creates the role if the tenant has none with this key; otherwise returns the existing one unchanged. */
    Role ensureRole(CallContext ctx, String key, String name, RoleKind kind, Set<String> permissions);

    /**
     * Creates a custom role (not a system one). External roles may be created by the tenant's channel staff,
     * internal ones by its admins.
     *
     * @throws org.openpartner.platform.api.ApiException 409 {@code role_exists} when the key is taken
     */
    Role createRole(CallContext ctx, String key, String name, RoleKind kind);

    /**
     * Deletes a custom role and takes it from every user who holds it; system roles cannot be deleted (409).
     * Capabilities that keep configuration per role delete theirs in the same unit of work.
     */
    void deleteRole(CallContext ctx, String key);

    List<Role> listRoles(CallContext ctx);

    /** The tenant's role with this key. */
    Optional<Role> findRole(CallContext ctx, String key);

    /** Tenant admin only: gives an internal role to an employee of the acting tenant (idempotent). */
    void assignRole(CallContext ctx, String userId, String roleKey);

    /** Tenant admin only: takes a role back (idempotent). */
    void unassignRole(CallContext ctx, String userId, String roleKey);

    /** Creates the record type if absent; the layout lists field names in the order the portal shows them. */
    RecordType ensureRecordType(CallContext ctx, String objectName, String key, String label, List<String> layout);

    /** The tenant's record types of the object; for its employees and its external users. */
    List<RecordType> listRecordTypes(CallContext ctx, String objectName);
}
