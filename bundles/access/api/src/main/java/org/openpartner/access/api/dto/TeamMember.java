package org.openpartner.access.api.dto;

import java.time.Instant;

import org.openpartner.platform.api.access.RecordAccess;

/** A member of a record's related team: reads the record, and with {@code WRITE} changes it too. */
public record TeamMember(String userId, String name, RecordAccess access, String addedBy, Instant addedAt) {
}
