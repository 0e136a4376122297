package org.openpartner.access.api.dto;

import org.openpartner.platform.api.access.RecordAccess;

/** Adds a user to a record's related team, or changes its access; {@code access} defaults to {@code READ}. */
public record TeamMemberInput(String userId, RecordAccess access) {
}
