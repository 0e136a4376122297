package org.openpartner.pools.api.dto;

import java.util.List;

/**
 * A pool to create or the new state of one. {@code redistribution} marks the pool that records a downstream user
 * submits to the upstream enter (one per object); {@code hiddenUntilClaimed} are fields members do not see until
 * they hold the record; {@code recycle} when held records go back into circulation.
 */
public record PoolInput(String name, String object, PoolMode mode, Boolean redistribution, List<PoolMember> members,
                        List<String> admins, List<String> hiddenUntilClaimed, ClaimRules rules, RecycleRules recycle) {

    /** A pool that recycles nothing. */
    public PoolInput(String name, String object, PoolMode mode, Boolean redistribution, List<PoolMember> members,
                     List<String> admins, List<String> hiddenUntilClaimed, ClaimRules rules) {
        this(name, object, mode, redistribution, members, admins, hiddenUntilClaimed, rules, null);
    }
}
