package org.openpartner.platform.api.access;

import java.util.List;
import java.util.Optional;

import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one access engine every capability enforces through (SPEC S4, ARCHITECTURE §4). Upstream channel staff and
 * the console may do everything with their tenant's objects; external users what the union of their external
 * roles allows; other employees what their internal roles allow.
 */
@ProviderType
public interface AccessControl {

    /**
     * What the caller may do with the object and each of its fields.
     *
     * @throws org.openpartner.platform.api.ApiException 404 when no bundle registers the object
     */
    ObjectAccess access(CallContext ctx, String objectName);

    /** The registered object of that name, if its bundle is installed. */
    Optional<ObjectDefinition> object(String objectName);

    /** Every registered object, by name. */
    List<ObjectDefinition> objects();
}
