package org.openpartner.partner.api.dto;

/** The writable fields of a partner contact; {@code mobile} is required and validated. */
public record ContactInput(String name, String mobile, String email, String position, Boolean systemAdmin,
                           Long version) {
}
