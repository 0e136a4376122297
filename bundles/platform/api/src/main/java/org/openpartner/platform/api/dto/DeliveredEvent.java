package org.openpartner.platform.api.dto;

import java.time.Instant;

/** A domain event as the relay hands it to consumers: {@code id} is stable across redeliveries. */
public record DeliveredEvent(String id, long sequence, Instant occurredAt, DomainEvent event) {
}
