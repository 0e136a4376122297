package org.openpartner.pools.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * A pool. Its members and admins are given to the upstream's staff and the pool's admins only; a member sees the
 * rest.
 */
public record Pool(String id, String name, String object, PoolMode mode, boolean redistribution,
                   List<PoolMember> members, List<String> admins, List<String> hiddenUntilClaimed, ClaimRules rules,
                   Instant createdAt, Instant updatedAt, long version, RecycleRules recycle) {
}
