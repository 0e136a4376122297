package org.openpartner.pools.api.dto;

import java.time.Instant;

/**
 * Where a record stands in its pool: waiting ({@code holderUserId} null) or held since {@code heldSince}.
 * {@code acceptedAt}: when its holder took it on; a claim is accepted at once, a record a rule or an admin handed to
 * its holder is not until the holder accepts it (null meanwhile), and may be declined until then.
 */
public record PooledRecord(String object, String recordId, String poolId, State state, String holderUserId,
                           String holderCompanyId, Instant enteredAt, Instant heldSince, Instant acceptedAt) {

    /** A record whose acceptance is not known (API 1.2). */
    public PooledRecord(String object, String recordId, String poolId, State state, String holderUserId,
                        String holderCompanyId, Instant enteredAt, Instant heldSince) {
        this(object, recordId, poolId, state, holderUserId, holderCompanyId, enteredAt, heldSince, null);
    }

    public enum State {
        /** In the pool, held by no one. */
        WAITING,
        /** Claimed by or assigned to its holder. */
        HELD,
        /** Its holder closed it (converted, won): it left the pool's circulation. */
        CLOSED
    }
}
