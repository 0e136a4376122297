package org.openpartner.platform.api.dto;

import java.time.Instant;
import java.util.Set;

/**
 * A user's right to act for an upstream tenant as a user of a connected downstream company.
 *
 * @param tenantId     the upstream enterprise
 * @param companyId    the downstream enterprise the user acts within
 * @param connectionId the connection that grants it
 * @param status       active, suspended or ended, following the connection
 * @param roles        the user's external roles in the upstream tenant
 */
public record Membership(String id, String userId, String userName, String mobile, String tenantId,
                         String companyId, String connectionId, String status, Set<String> roles,
                         Instant createdAt) {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";
    public static final String ENDED = "ended";
}
