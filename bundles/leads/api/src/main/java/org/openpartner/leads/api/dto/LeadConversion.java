package org.openpartner.leads.api.dto;

import java.time.Instant;

/**
 * What a lead was converted into: the account and contact, and the opportunity asked for ({@code opportunityId} stays
 * null until the opportunities capability creates it).
 */
public record LeadConversion(String leadId, String accountId, String contactId, OpportunityDraft opportunity,
                             String opportunityId, String convertedBy, Instant convertedAt) {
}
