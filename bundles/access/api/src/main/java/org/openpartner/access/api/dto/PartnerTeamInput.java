package org.openpartner.access.api.dto;

import org.openpartner.platform.api.access.RecordAccess;

/** Puts a downstream company on a record's partner team, or changes its access; {@code access} defaults to {@code WRITE}. */
public record PartnerTeamInput(String companyId, RecordAccess access) {
}
