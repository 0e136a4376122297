package org.openpartner.platform.api.dto;

import java.util.Map;

/**
 * Something that happened to a record.
 *
 * @param type          dotted name, e.g. {@code partner.created}
 * @param tenantId      the tenant whose data changed
 * @param aggregateType the object, e.g. {@code Partner}
 * @param aggregateId   the record's id
 * @param actorUserId   who made the change
 * @param summary       a short human-readable description for audit trails
 * @param data          small JSON-compatible facts about the change (strings, numbers, booleans)
 */
public record DomainEvent(String type, String tenantId, String aggregateType, String aggregateId,
                          String actorUserId, String summary, Map<String, Object> data) {

    public DomainEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
