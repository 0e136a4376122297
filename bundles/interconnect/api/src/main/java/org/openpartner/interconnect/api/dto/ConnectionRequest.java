package org.openpartner.interconnect.api.dto;

import java.time.Instant;
import java.util.Set;

/**
 * A downstream enterprise asking to connect with an invitation code (SPEC S2, way 2).
 *
 * @param status pending, approved or rejected
 */
public record ConnectionRequest(String id, String upstreamId, String upstreamName, String companyId,
                                String companyName, String codeId, String requestedBy, String status, Set<String> roles,
                                String reason, String connectionId, Instant createdAt, Instant decidedAt) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
}
