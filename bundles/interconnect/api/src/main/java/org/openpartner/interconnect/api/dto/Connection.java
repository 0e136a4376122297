package org.openpartner.interconnect.api.dto;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A connection between the upstream tenant and the enterprise of one of its partners.
 *
 * @param upstreamId   the upstream tenant
 * @param companyId    the downstream enterprise
 * @param status       active, suspended or ended
 * @param origin       how it was made: direct (upstream connected the partner), invitation or import
 * @param apps         the apps enabled for the company
 * @param defaultRoles external roles given to connector contacts added later
 */
public record Connection(String id, String upstreamId, String upstreamName, String partnerId, String partnerName, String companyId, String companyName,
                         String status, String origin, List<String> apps, Set<String> defaultRoles, int members,
                         Instant createdAt, Instant updatedAt, Instant suspendedAt, Instant endedAt, String endReason) {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";
    public static final String ENDED = "ended";

    public static final String ORIGIN_DIRECT = "direct";
    public static final String ORIGIN_INVITATION = "invitation";
    public static final String ORIGIN_IMPORT = "import";
}
