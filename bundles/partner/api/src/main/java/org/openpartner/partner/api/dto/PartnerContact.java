package org.openpartner.partner.api.dto;

import java.time.Instant;

/**
 * A contact of record type Partner Contact. {@code mobile} is E.164: it becomes the external user's login.
 *
 * @param systemAdmin whether the contact administers the downstream company's account
 */
public record PartnerContact(String id, String partnerId, String name, String mobile, String email, String position,
                             boolean systemAdmin, String recordType, Instant createdAt, Instant updatedAt,
                             long version) {
}
