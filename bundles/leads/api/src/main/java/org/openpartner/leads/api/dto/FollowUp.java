package org.openpartner.leads.api.dto;

import java.time.Instant;

/** A call, visit or note on a lead. */
public record FollowUp(String id, String leadId, FollowUpKind kind, String note, Instant at, String createdBy) {
}
