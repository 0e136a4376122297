package org.openpartner.pools.api.dto;

import java.time.Instant;

/** Where a record stands in its pool: waiting ({@code holderUserId} null) or held since {@code heldSince}. */
public record PooledRecord(String object, String recordId, String poolId, State state, String holderUserId,
                           String holderCompanyId, Instant enteredAt, Instant heldSince) {

    public enum State {
        /** In the pool, held by no one. */
        WAITING,
        /** Claimed by or assigned to its holder. */
        HELD,
        /** Its holder closed it (converted, won): it left the pool's circulation. */
        CLOSED
    }
}
