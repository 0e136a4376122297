package org.openpartner.leads.api.dto;

import java.time.Instant;

/** A follow-up to record; {@code at} defaults to now and may not lie in the future. */
public record FollowUpInput(FollowUpKind kind, String note, Instant at) {
}
