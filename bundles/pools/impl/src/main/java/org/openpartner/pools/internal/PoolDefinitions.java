package org.openpartner.pools.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.openpartner.pools.internal.jpa.PoolEntity;
import org.openpartner.pools.internal.jpa.PoolMemberEntity;

/**
 * The pool definitions (with their members) this node read last, each stamped with the pool's version. A claim reads
 * the version with the record's row in one statement and reads the definition again only when the version moved:
 * every change of a pool's definition or members goes through the pool's row ({@code PoolServiceImpl.update}), which
 * moves its version, so another node's change is seen by the next claim. Entries are read-only after they are put.
 */
final class PoolDefinitions {

    /** A pool as read, detached, and its members and admins; never changed after it is put here. */
    record Definition(PoolEntity pool, List<PoolMemberEntity> principals) {
    }

    /** More pools than any tenant defines: past it the map starts over rather than grow. */
    static final int MAX_POOLS = 10_000;

    private final Map<String, Definition> byPool = new ConcurrentHashMap<>();

    /**
     * The definition of the pool at {@code version}, from this node's copy when it is that version, else read through
     * {@code em}. The pool is read before its members: a change committed between the two reads leaves a copy
     * stamped with the older version, which the next use reads again. Null when the pool was deleted meanwhile.
     */
    Definition at(EntityManager em, String poolId, long version) {
        Definition known = byPool.get(poolId);
        if (known != null && known.pool().getVersion() == version) {
            return known;
        }
        PoolEntity pool = em.find(PoolEntity.class, poolId);
        if (pool == null) {
            byPool.remove(poolId);
            return null;
        }
        Definition read = new Definition(pool, List.copyOf(PoolServiceImpl.principals(em, poolId)));
        if (byPool.size() > MAX_POOLS) {
            byPool.clear();
        }
        byPool.put(poolId, read);
        return read;
    }

    void forget(String poolId) {
        byPool.remove(poolId);
    }
}
