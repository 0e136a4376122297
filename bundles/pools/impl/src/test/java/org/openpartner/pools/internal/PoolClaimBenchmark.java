package org.openpartner.pools.internal;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.pools.api.dto.ClaimRules;
import org.openpartner.pools.api.dto.Move;
import org.openpartner.pools.api.dto.Pool;
import org.openpartner.pools.api.dto.PoolInput;
import org.openpartner.pools.api.dto.PoolMember;
import org.openpartner.pools.api.dto.PoolMode;
import org.openpartner.pools.internal.jpa.PoolRecordEntity;

/**
 * Not a test: the claim benchmark of issue 5 (run by {@code benchmarks/pools.sh}, never by the build). 32 claimers
 * (8 companies of 4 users) empty one hot pool of {@code -Dpools.records} waiting records, in one of two patterns
 * ({@code -Dpools.contention}): {@code shared}, each claimer takes the next record of a shared cursor and, one time
 * in four, also tries the one before it (as two dealers who saw the same lead in their lists; most of those lose),
 * or {@code all}, every claimer tries every record in its own random order (31 of 32 attempts lose). Claims go
 * through the engine ({@link PoolServiceImpl#claim}: the conditional claim, the
 * holding counters, the pool grant, the object's record, the log entry, in one transaction) and, in alternating
 * rounds of the same run, as a raw JDBC loop of the bare conditional update on the same table ({@code update
 * OP_POOL_RECORD set STATE = 'HELD', HOLDER_USER_ID = ? where ID = ? and STATE = 'WAITING'}, autocommit). Both on
 * pooled connections. Prints claims per second for each round and their ratio; checks that every record was won
 * exactly once (no double claim) and asserts nothing about time.
 */
public class PoolClaimBenchmark {

    private static final int CLAIMERS = Integer.getInteger("pools.threads", 32);
    private static final int RECORDS = Integer.getInteger("pools.records", 3000);
    private static final int ROUNDS = Integer.getInteger("pools.rounds", 2);
    private static final String CONTENTION = System.getProperty("pools.contention", "shared");
    /** How many companies the claimers belong to: their company's holding counter is a row each claim locks. */
    private static final int COMPANIES = Integer.getInteger("pools.companies", 8);

    private PoolWorld world;
    private List<CallContext> claimers;

    @Before
    public void start() {
        world = new PoolWorld("pool-benchmark", true);
        claimers = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            claimers.add(world.dealer("claimer-" + i, "company-" + (i % COMPANIES), "dealer"));
        }
    }

    @After
    public void stop() {
        if (world != null) {
            world.close();
        }
    }

    /** A pool full of waiting records (not timed); its records' ids and pool row ids. */
    private List<String> fill(Pool pool, String prefix) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String record = prefix + "-" + i;
            world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, record, new Move(pool.id(), null));
            records.add(record);
        }
        return records;
    }

    private Pool pool(String name) {
        return world.engine.create(PoolWorld.STAFF, new PoolInput(name, PoolWorld.OBJECT, PoolMode.CLAIMABLE, false,
            List.of(new PoolMember(PoolMember.Kind.ROLE, "dealer")), List.of(), List.of(), ClaimRules.NONE));
    }

    /** Runs the claimers over the records in the chosen pattern; the claims won, the seconds and the attempts. */
    private double[] race(List<String> ids, ClaimAttempt attempt) throws Exception {
        AtomicInteger won = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger cursor = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(CLAIMERS);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < CLAIMERS; t++) {
            int claimer = t;
            Random random = new Random(t);
            List<String> order = new ArrayList<>(ids);
            Collections.shuffle(order, random);
            work.add(() -> {
                if (CONTENTION.equals("all")) {
                    for (String id : order) {
                        attempts.incrementAndGet();
                        if (attempt.claim(claimer, id)) {
                            won.incrementAndGet();
                        }
                    }
                    return null;
                }
                for (int next = cursor.getAndIncrement(); next < ids.size(); next = cursor.getAndIncrement()) {
                    if (next > 0 && random.nextInt(4) == 0) {
                        attempts.incrementAndGet();
                        if (attempt.claim(claimer, ids.get(next - 1))) {
                            won.incrementAndGet();
                        }
                    }
                    attempts.incrementAndGet();
                    if (attempt.claim(claimer, ids.get(next))) {
                        won.incrementAndGet();
                    }
                }
                return null;
            });
        }
        long start = System.nanoTime();
        List<Future<Void>> done = threads.invokeAll(work);
        for (Future<Void> f : done) {
            f.get(30, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        return new double[] {won.get(), seconds, attempts.get()};
    }

    interface ClaimAttempt {
        boolean claim(int claimer, String id) throws Exception;
    }

    /** The pool's rows (row id and record id) of the records just put into it. */
    private List<String[]> rows(Pool pool) {
        return world.tx.read(em -> em.createQuery("select r.id, r.recordId from PoolRecordEntity r where r.poolId = :p",
            Object[].class).setParameter("p", pool.id()).getResultList().stream()
            .map(r -> new String[] {(String) r[0], (String) r[1]}).toList());
    }

    /** One plain JDBC connection per claimer; {@code transactional}: autocommit off. */
    private List<Connection> connections(boolean transactional) throws java.sql.SQLException {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            // Derby: no user, or the user's schema would be searched instead of the engine's (APP).
            Connection c = world.url.startsWith("jdbc:derby") ? DriverManager.getConnection(world.url)
                : DriverManager.getConnection(world.url, world.user, world.password);
            c.setAutoCommit(!transactional);
            connections.add(c);
        }
        return connections;
    }

    /** The bare conditional update, autocommitted: the one statement a claim cannot do without. */
    private static boolean bareClaim(Connection db, String claimer, String rowId) throws java.sql.SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE OP_POOL_RECORD "
            + "SET STATE = ?, HOLDER_USER_ID = ? WHERE ID = ? AND STATE = ?")) {
            update.setString(1, PoolRecordEntity.HELD);
            update.setString(2, claimer);
            update.setString(3, rowId);
            update.setString(4, PoolRecordEntity.WAITING);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * The rows the engine's claim writes, by hand in one transaction: the conditional holding update, the user's and
     * the company's holding counters, the pool grant's removal and the log entry (events go to a mock here, as in the
     * engine's rounds), with no read before and no framework.
     */
    private static boolean sameRowsClaim(Connection db, CallContext claimer, String poolId, String rowId,
                                         String recordId) throws java.sql.SQLException {
        java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
        try (PreparedStatement update = db.prepareStatement("UPDATE OP_POOL_RECORD SET STATE = ?, HOLDER_USER_ID = ?, "
                 + "HOLDER_COMPANY_ID = ?, HELD_SINCE = ? WHERE ID = ? AND STATE = ?");
             PreparedStatement counter = db.prepareStatement("UPDATE OP_POOL_COUNTER SET AMOUNT = AMOUNT + 1 "
                 + "WHERE POOL_ID = ? AND COUNTER_KEY = ?");
             PreparedStatement grant = db.prepareStatement("DELETE FROM OP_SHARE WHERE TENANT_ID = ? AND "
                 + "OBJECT_NAME = ? AND RECORD_ID = ? AND SOURCE = ?");
             PreparedStatement log = db.prepareStatement("INSERT INTO OP_POOL_LOG (ID, TENANT_ID, OBJECT_NAME, "
                 + "RECORD_ID, POOL_ID, MOVEMENT, ACTOR_USER_ID, HOLDER_USER_ID, HOLDER_COMPANY_ID, MOVED_AT) "
                 + "VALUES (?, ?, ?, ?, ?, 'CLAIMED', ?, ?, ?, ?)")) {
            update.setString(1, PoolRecordEntity.HELD);
            update.setString(2, claimer.userId());
            update.setString(3, claimer.companyId());
            update.setTimestamp(4, now);
            update.setString(5, rowId);
            update.setString(6, PoolRecordEntity.WAITING);
            if (update.executeUpdate() == 0) {
                db.rollback();
                return false;
            }
            for (String key : Counters.holding(claimer.userId(), claimer.companyId())) {
                counter.setString(1, poolId);
                counter.setString(2, key);
                counter.executeUpdate();
            }
            grant.setString(1, PoolWorld.TENANT);
            grant.setString(2, PoolWorld.OBJECT);
            grant.setString(3, recordId);
            grant.setString(4, PoolServiceImpl.GRANT_SOURCE);
            grant.executeUpdate();
            log.setString(1, org.openpartner.platform.api.Ids.newId());
            log.setString(2, PoolWorld.TENANT);
            log.setString(3, PoolWorld.OBJECT);
            log.setString(4, recordId);
            log.setString(5, poolId);
            log.setString(6, claimer.userId());
            log.setString(7, claimer.userId());
            log.setString(8, claimer.companyId());
            log.setTimestamp(9, now);
            log.executeUpdate();
            db.commit();
            return true;
        }
    }

    private static void close(List<Connection> connections) throws java.sql.SQLException {
        for (Connection c : connections) {
            c.close();
        }
    }

    @Test
    public void claimsPerSecondBesideARawConditionalUpdate() throws Exception {
        String db = world.url.startsWith("jdbc:derby") ? "derby" : "postgresql";
        System.out.printf("pools claim benchmark on %s: %d claimers of %d companies, %d records per round, %d rounds, "
            + "contention %s%n", db, CLAIMERS, COMPANIES, RECORDS, ROUNDS, CONTENTION);
        double engineTotal = 0;
        double rawTotal = 0;
        double sameTotal = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            // Raw: the same table, rows the engine put there, the bare statement on one connection per claimer.
            Pool rawPool = pool("Raw " + round);
            fill(rawPool, "raw" + round);
            List<String> rowIds = rows(rawPool).stream().map(r -> r[0]).toList();
            assertEquals(RECORDS, rowIds.size());
            List<Connection> bare = connections(false);
            double[] raw;
            try {
                raw = race(rowIds, (claimer, id) -> bareClaim(bare.get(claimer), "claimer-" + claimer, id));
            } finally {
                close(bare);
            }
            assertEquals("raw: every record won exactly once", RECORDS, (int) raw[0]);

            // The same rows as the engine writes, by hand.
            Pool samePool = pool("Same rows " + round);
            fill(samePool, "same" + round);
            Map<String, String> recordOf = new java.util.HashMap<>();
            rows(samePool).forEach(r -> recordOf.put(r[0], r[1]));
            for (CallContext claimer : claimers) {
                Counters.ensure(world.tx, PoolWorld.TENANT, samePool.id(),
                    Counters.holding(claimer.userId(), claimer.companyId()));
            }
            List<Connection> transactional = connections(true);
            double[] same;
            try {
                same = race(new ArrayList<>(recordOf.keySet()), (claimer, id) -> sameRowsClaim(transactional.get(claimer),
                    claimers.get(claimer), samePool.id(), id, recordOf.get(id)));
            } finally {
                close(transactional);
            }
            assertEquals("same rows: every record won exactly once", RECORDS, (int) same[0]);

            Pool enginePool = pool("Engine " + round);
            List<String> engineRecords = fill(enginePool, "engine" + round);
            double[] engine = race(engineRecords, (claimer, id) -> {
                try {
                    world.engine.claim(claimers.get(claimer), PoolWorld.OBJECT, id);
                    return true;
                } catch (ApiException lost) {
                    if (!"already_held".equals(lost.code())) {
                        throw lost;
                    }
                    return false;
                }
            });
            assertEquals("engine: every record won exactly once", RECORDS, (int) engine[0]);
            long claimedEntries = world.tx.read(em -> em.createQuery("select count(l) from PoolLogEntity l where "
                + "l.poolId = :p and l.action = :a", Long.class).setParameter("p", enginePool.id()).setParameter("a", "CLAIMED")
                .getSingleResult());
            assertEquals("engine: one CLAIMED log entry per record", RECORDS, claimedEntries);

            rawTotal += raw[1];
            sameTotal += same[1];
            engineTotal += engine[1];
            System.out.printf("round %d: raw %.0f claims/s (%.0f attempts), same rows by hand %.0f claims/s, engine %.0f "
                    + "claims/s (%.0f attempts): engine/raw %.0f %%, engine/same rows %.0f %%%n", round,
                RECORDS / raw[1], raw[2], RECORDS / same[1], RECORDS / engine[1], engine[2], 100 * raw[1] / engine[1],
                100 * same[1] / engine[1]);
        }
        System.out.printf("pools claim benchmark on %s, contention %s: raw %.0f claims/s, same rows by hand %.0f claims/s, "
                + "engine %.0f claims/s, engine/raw %.0f %%, engine/same rows %.0f %%, double claims 0%n", db, CONTENTION,
            ROUNDS * RECORDS / rawTotal, ROUNDS * RECORDS / sameTotal, ROUNDS * RECORDS / engineTotal,
            100 * rawTotal / engineTotal, 100 * sameTotal / engineTotal);
    }
}
