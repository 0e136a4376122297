package org.openpartner.platform.api.access;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as an OSGi service by the bundle that owns an object: permissions, field masks, layouts and sharing
 * then work for it with no change to the access engine, whether the object is the platform's or an ISV's.
 */
@ConsumerType
public interface ObjectType {

    ObjectDefinition definition();

    /**
     * The owner of one record of the tenant, if the record exists. Shareable objects answer it, so that related
     * teams and explanations work for them; the default (none) suits objects that are not shared.
     */
    default Optional<RecordOwnership> ownership(String tenantId, String recordId) {
        return Optional.empty();
    }
}
