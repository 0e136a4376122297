package org.openpartner.partner.api.dto;

import java.time.Instant;
import java.util.List;

/** Whether Partner is enabled for a tenant, and what enabling it set up. */
public record PartnerSetup(boolean enabled, Instant enabledAt, List<String> roles, List<String> recordTypes) {
}
