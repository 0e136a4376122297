package org.openpartner.access.api.dto;

import java.time.Instant;

import org.openpartner.platform.api.access.RecordAccess;

/**
 * A downstream company on a record's partner team (SPEC S11): its users reach the record, and with {@code WRITE}
 * change it ("follow up and order for it").
 */
public record PartnerTeamMember(String companyId, String companyName, RecordAccess access, String addedBy,
                                Instant addedAt) {
}
