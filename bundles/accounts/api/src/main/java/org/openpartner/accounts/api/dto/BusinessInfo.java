package org.openpartner.accounts.api.dto;

/**
 * A registered company as a business-info provider knows it: what fills an account's fields. {@code source} names the
 * provider.
 */
public record BusinessInfo(String source, String registrationId, String name, String industry, String region,
                           String address) {
}
