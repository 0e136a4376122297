package org.openpartner.platform.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker for JAX-RS root resources a bundle contributes: register an instance as an OSGi service of this type
 * and the platform publishes it under {@code /api/v1}, and withdraws it when the service goes away. The caller's
 * {@link org.openpartner.platform.api.CallContext} is available to resource methods as a
 * {@code @javax.ws.rs.core.Context} parameter.
 */
@ConsumerType
public interface RestResource {
}
