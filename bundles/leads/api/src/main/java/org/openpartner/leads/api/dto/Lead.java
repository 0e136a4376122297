package org.openpartner.leads.api.dto;

import java.time.Instant;

import org.openpartner.leads.api.LeadService;
import org.openpartner.platform.api.access.AccessObject;

/**
 * A lead as answers carry it; the platform drops the fields the caller's field permissions hide. {@code poolId} is
 * the pool the lead waits in or was claimed from.
 */
@AccessObject(LeadService.OBJECT)
public record Lead(String id, String name, String companyName, String mobile, String email, String source,
                   String region, String industry, LeadStatus status, String statusReason, String recordType,
                   String ownerUserId, String ownerCompanyId, String poolId, Instant lastFollowUpAt, String createdBy,
                   Instant createdAt, Instant updatedAt, long version) {
}
