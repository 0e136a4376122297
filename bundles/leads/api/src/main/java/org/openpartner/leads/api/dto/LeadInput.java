package org.openpartner.leads.api.dto;

/**
 * A new lead, or the fields of one to change (null: unchanged; on update an empty string clears an optional field).
 * {@code recordType} is chosen at create (null: the first the caller may create) and ignored on update.
 */
public record LeadInput(String name, String companyName, String mobile, String email, String source, String region,
                        String industry, String recordType) {
}
