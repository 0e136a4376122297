package org.openpartner.partner.api.dto;

import java.time.Instant;
import java.util.List;

import org.openpartner.partner.api.PartnerService;
import org.openpartner.platform.api.access.AccessObject;

/**
 * The upstream's record of a downstream company.
 *
 * @param ownerUserId            the upstream employee who owns the relationship
 * @param connectedEnterpriseId  the partner's own enterprise once interconnected, else null
 * @param contactCount           how many partner contacts it has
 */
@AccessObject(PartnerService.OBJECT)
public record Partner(String id, String name, String type, String level, String ownerUserId, List<String> tags,
                      String region, String status, String parentPartnerId, String connectedEnterpriseId,
                      int contactCount, Instant createdAt, Instant updatedAt, long version) {
}
