package org.openpartner.leads.api.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The opportunity a conversion asks for, kept with the conversion until the opportunities capability (SPEC S8) turns
 * it into an opportunity of the account; {@code name} is required, the amount (at most two decimals) and the expected
 * close date are optional.
 */
public record OpportunityDraft(String name, BigDecimal amount, LocalDate expectedCloseDate) {
}
