package org.openpartner.pools.api.dto;

import java.time.Instant;

/**
 * One movement of a record: it entered a pool, was claimed, assigned, returned, moved or closed; by whom, to whom
 * and why.
 */
public record PoolLogEntry(String id, Instant at, Action action, String poolId, String actorUserId,
                           String holderUserId, String holderCompanyId, String reason) {

    public enum Action {
        ENTERED,
        CLAIMED,
        ASSIGNED,
        RETURNED,
        MOVED,
        CLOSED,
        /** Taken from its holder by the pool's recycle rules. */
        RECYCLED,
        /** Its holder took on a record a rule or an admin handed to it. */
        ACCEPTED,
        /** Its holder (or the holder's company) turned down a record handed to it; the rules route it onward. */
        DECLINED
    }
}
