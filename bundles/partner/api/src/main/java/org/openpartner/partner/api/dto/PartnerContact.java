package org.openpartner.partner.api.dto;

import java.time.Instant;

import org.openpartner.partner.api.PartnerService;
import org.openpartner.platform.api.access.AccessObject;

/**
 * A contact of record type Partner Contact. {@code mobile} is E.164: it becomes the external user's login.
 *
 * @param systemAdmin whether the contact administers the downstream company's account
 */
@AccessObject(PartnerService.CONTACT_OBJECT)
public record PartnerContact(String id, String partnerId, String name, String mobile, String email, String position,
                             boolean systemAdmin, String recordType, Instant createdAt, Instant updatedAt,
                             long version) {
}
