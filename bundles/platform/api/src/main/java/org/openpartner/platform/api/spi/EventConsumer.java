package org.openpartner.platform.api.spi;

import org.openpartner.platform.api.dto.DeliveredEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives domain events after the change that raised them committed. Register as an OSGi service; delivery
 * is at least once, so an implementation must be idempotent on {@link DeliveredEvent#id()}.
 */
@ConsumerType
public interface EventConsumer {

    /** Service property: event type prefixes this consumer wants (e.g. {@code partner.}); absent means all. */
    String EVENT_TYPES = "openpartner.event.types";

    void accept(DeliveredEvent event) throws Exception;
}
