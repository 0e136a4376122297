package org.openpartner.platform.api.access;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as an OSGi service by the bundle that owns an object: permissions, field masks, layouts and sharing
 * then work for it with no change to the access engine, whether the object is the platform's or an ISV's.
 */
@ConsumerType
public interface ObjectType {

    ObjectDefinition definition();
}
