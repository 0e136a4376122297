package org.openpartner.accounts.api.dto;

/**
 * A new account, or the fields of one to change (null: unchanged; on update an empty string clears an optional
 * field). {@code recordType} is chosen at create (null: the first the caller may create) and ignored on update.
 */
public record AccountInput(String name, String registrationId, String industry, String region, String address,
                           String recordType) {
}
