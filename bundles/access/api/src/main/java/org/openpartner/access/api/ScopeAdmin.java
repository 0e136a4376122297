package org.openpartner.access.api;

import org.openpartner.access.api.dto.ObjectScopes;
import org.openpartner.access.api.dto.ScopeInput;
import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Data access scopes (SPEC S4) per object: a tenant-wide default and per downstream company, for the tenant's
 * administrators and channel managers. A change is in force for the next query on every node.
 */
@ProviderType
public interface ScopeAdmin {

    ObjectScopes scopes(CallContext ctx, String objectName);

    /**
     * Sets the default scope, or the scope of the given companies (at most 1,000 per call); an id that is no
     * enterprise on the platform is 400 naming it, and then no scope changes.
     */
    ObjectScopes setScope(CallContext ctx, String objectName, ScopeInput input);
}
