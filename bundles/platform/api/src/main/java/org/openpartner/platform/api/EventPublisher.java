package org.openpartner.platform.api;

import java.util.List;

import javax.persistence.EntityManager;

import org.openpartner.platform.api.dto.DomainEvent;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes domain events through the transactional outbox: the event is written with the caller's own
 * transaction, so it is stored if and only if the change it describes commits, and a relay delivers it to
 * the consumers afterwards (at least once; consumers are idempotent on {@code DeliveredEvent#id()}).
 */
@ProviderType
public interface EventPublisher {

    /**
     * Appends the event to the outbox inside the active transaction of {@code em}.
     *
     * @throws IllegalStateException when {@code em} has no active transaction
     */
    void publish(EntityManager em, DomainEvent event);

    /**
     * Appends the events, in their order, inside the active transaction of {@code em}, as one batch of inserts:
     * what bulk operations use.
     *
     * @throws IllegalStateException when {@code em} has no active transaction
     */
    void publishAll(EntityManager em, List<DomainEvent> events);
}
