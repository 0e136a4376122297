package org.openpartner.platform.api.access;

/**
 * Who owns one record of a shareable object: what the engine needs to decide about a single record (a related
 * team's change, an explanation) without knowing the capability's tables.
 *
 * @param ownerCompanyId the downstream company the record is owned within; null when owned upstream
 */
public record RecordOwnership(String recordId, String tenantId, String ownerUserId, String ownerCompanyId) {
}
