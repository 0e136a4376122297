package org.openpartner.leads.api.dto;

import org.openpartner.accounts.api.dto.AccountContactInput;
import org.openpartner.accounts.api.dto.AccountInput;

/**
 * How to convert a lead: into the existing account {@code accountId}, or into a new account whose fields default to
 * the lead's (company name, else name; region; industry) where {@code account} leaves them null. The contact defaults
 * to the lead's person (name, mobile, email). {@code opportunity} is optional. Every part may be null.
 */
public record ConversionInput(String accountId, AccountInput account, AccountContactInput contact,
                              OpportunityDraft opportunity) {
}
