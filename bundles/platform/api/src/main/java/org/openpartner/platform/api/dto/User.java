package org.openpartner.platform.api.dto;

import java.time.Instant;
import java.util.Set;

/** A platform user as others may see it: never the password hash. */
public record User(String id, String enterpriseId, String loginName, String mobile, String name, String email,
                   String status, boolean tenantAdmin, boolean platformAdmin, Set<String> roles,
                   Instant createdAt) {
}
