package org.openpartner.interconnect.api.dto;

import java.time.Instant;
import java.util.Set;

/**
 * An invitation code as the upstream lists it; the code itself is only shown once, in {@link IssuedCode}.
 *
 * @param maxUses null for unlimited
 * @param status  active, expired, revoked or used-up
 */
public record InvitationCode(String id, String label, String hint, Integer maxUses, int uses, Set<String> roles,
                             Instant expiresAt, Instant revokedAt, String status, Instant createdAt) {
}
