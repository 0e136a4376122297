package org.openpartner.leads.api.dto;

/** Marks a lead {@link LeadStatus#INVALID} or {@link LeadStatus#VOIDED}; the reason is required. */
public record StatusChange(LeadStatus status, String reason) {
}
