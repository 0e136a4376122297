package org.openpartner.access.api.dto;

import java.time.Instant;

/**
 * A member of a user group.
 *
 * @param companyId the downstream company the member acts within; null for the tenant's employees
 */
public record GroupMember(String userId, String name, String companyId, String addedBy, Instant addedAt) {
}
