package org.openpartner.pools.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.Query;

import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.pools.internal.jpa.PoolCounterEntity;

/**
 * The counts limits are checked against, each changed by one conditional update: the update that would exceed the
 * limit changes no row, and the row lock orders concurrent claims (see {@link PoolCounterEntity}).
 */
final class Counters {

    private Counters() {
    }

    /** The key of a user's claims from a pool on the (UTC) day of {@code at}. */
    static String daily(String userId, Instant at) {
        return "D:" + userId + ":" + at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    static String heldByUser(String userId) {
        return "U:" + userId;
    }

    static String heldByCompany(String companyId) {
        return "C:" + companyId;
    }

    /** The holding counters a holder moves: its own and, for an external user, its company's. */
    static List<String> holding(String userId, String companyId) {
        List<String> keys = new ArrayList<>();
        keys.add(heldByUser(userId));
        if (companyId != null) {
            keys.add(heldByCompany(companyId));
        }
        return keys;
    }

    /**
     * Creates the counters that do not exist yet, each at zero, in its own transaction before the work that updates
     * them: inside that work an insert racing another node's would fail the whole claim (PostgreSQL aborts the
     * transaction on a duplicate key), here the loser just finds the winner's row.
     */
    static void ensure(Transactions tx, String tenantId, String poolId, Collection<String> keys) {
        for (int attempt = 0; ; attempt++) {
            try {
                tx.inTransaction(em -> {
                    Set<String> missing = new HashSet<>(keys);
                    missing.removeAll(em.createQuery("select c.counterKey from PoolCounterEntity c where c.poolId = :p "
                        + "and c.counterKey in :k", String.class).setParameter("p", poolId).setParameter("k", keys)
                        .getResultList());
                    for (String key : missing) {
                        PoolCounterEntity counter = new PoolCounterEntity();
                        counter.setId(Ids.newId());
                        counter.setTenantId(tenantId);
                        counter.setPoolId(poolId);
                        counter.setCounterKey(key);
                        em.persist(counter);
                    }
                    return null;
                });
                return;
            } catch (PersistenceException duplicate) {
                if (attempt == 2) {
                    throw duplicate;
                }
            }
        }
    }

    /** Which of these counters of the pool do not exist yet. */
    static List<String> missing(EntityManager em, String poolId, List<String> keys) {
        List<String> missing = new ArrayList<>(keys);
        missing.removeAll(em.createQuery("select c.counterKey from PoolCounterEntity c where c.poolId = :p "
            + "and c.counterKey in :k", String.class).setParameter("p", poolId).setParameter("k", keys).getResultList());
        return missing;
    }

    /** A change of one counter of one pool: {@code delta} +1 (refused at {@code limit}, none when null) or -1. */
    record Change(String poolId, String key, int delta, Integer limit) {
    }

    /**
     * Applies the changes in one order for every transaction (pool, then key), so that two transactions that both
     * move counters of two companies never wait for each other in a circle; stops at the first refused increment
     * and returns it (the caller then rolls everything back), or null.
     */
    static Change apply(EntityManager em, List<Change> changes) {
        List<Change> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparing(Change::poolId).thenComparing(Change::key));
        for (Change change : ordered) {
            if (change.delta() > 0) {
                if (!increment(em, change.poolId(), change.key(), change.limit())) {
                    return change;
                }
            } else {
                decrement(em, change.poolId(), change.key());
            }
        }
        return null;
    }

    /**
     * Adds one unless that would pass {@code limit} (none when null); whether it did. Native SQL: for a JPQL bulk
     * update OpenJPA writes {@code ... where ID in (select ...)} on Derby, whose subquery takes shared locks before
     * the update's exclusive ones, and concurrent claims deadlocked on the counter row.
     */
    static boolean increment(EntityManager em, String poolId, String key, Integer limit) {
        Query update = em.createNativeQuery("UPDATE OP_POOL_COUNTER SET AMOUNT = AMOUNT + 1 WHERE POOL_ID = ?1 "
            + "AND COUNTER_KEY = ?2" + (limit == null ? "" : " AND AMOUNT < ?3"))
            .setParameter(1, poolId).setParameter(2, key);
        if (limit != null) {
            update.setParameter(3, limit);
        }
        return update.executeUpdate() == 1;
    }

    /** Takes one away, never below zero. */
    static void decrement(EntityManager em, String poolId, String key) {
        em.createNativeQuery("UPDATE OP_POOL_COUNTER SET AMOUNT = AMOUNT - 1 WHERE POOL_ID = ?1 AND COUNTER_KEY = ?2 "
            + "AND AMOUNT > 0").setParameter(1, poolId).setParameter(2, key).executeUpdate();
    }

    static int value(EntityManager em, String poolId, String key) {
        return em.createQuery("select c.n from PoolCounterEntity c where c.poolId = :p and c.counterKey = :k",
            Integer.class).setParameter("p", poolId).setParameter("k", key).getResultList().stream().findFirst()
            .orElse(0);
    }
}
