package org.openpartner.platform.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by a capability bundle once all it needs is there; the health endpoint reports each installed
 * OpenPartner feature as up only while its capability service is registered.
 */
@ConsumerType
public interface Capability {

    /** The Karaf feature that installs this capability, e.g. {@code openpartner-partner}. */
    String feature();
}
