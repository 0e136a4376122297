package org.openpartner.pools.internal;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    private PoolWorld world;
    private List<CallContext> claimers;

    @Before
    public void start() {
        world = new PoolWorld("pool-benchmark", true);
        claimers = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            claimers.add(world.dealer("claimer-" + i, "company-" + (i % 8), "dealer"));
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

    @Test
    public void claimsPerSecondBesideARawConditionalUpdate() throws Exception {
        String db = world.url.startsWith("jdbc:derby") ? "derby" : "postgresql";
        System.out.printf("pools claim benchmark on %s: %d claimers, %d records per round, %d rounds, contention %s%n",
            db, CLAIMERS, RECORDS, ROUNDS, CONTENTION);
        double engineTotal = 0;
        double rawTotal = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            // Raw: the same table, rows the engine put there, the bare statement on one connection per claimer.
            Pool rawPool = pool("Raw " + round);
            List<String> rawRecords = fill(rawPool, "raw" + round);
            List<String> rowIds = world.tx.read(em -> em.createQuery("select r.id from PoolRecordEntity r "
                + "where r.poolId = :p", String.class).setParameter("p", rawPool.id()).getResultList());
            assertEquals(rawRecords.size(), rowIds.size());
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < CLAIMERS; i++) {
                // Derby: no user, or the user's schema would be searched instead of the engine's (APP).
                connections.add(db.equals("derby") ? DriverManager.getConnection(world.url)
                    : DriverManager.getConnection(world.url, world.user, world.password));
            }
            double[] raw;
            try {
                raw = race(rowIds, (claimer, id) -> {
                    try (PreparedStatement update = connections.get(claimer).prepareStatement("UPDATE OP_POOL_RECORD "
                        + "SET STATE = ?, HOLDER_USER_ID = ? WHERE ID = ? AND STATE = ?")) {
                        update.setString(1, PoolRecordEntity.HELD);
                        update.setString(2, "claimer-" + claimer);
                        update.setString(3, id);
                        update.setString(4, PoolRecordEntity.WAITING);
                        return update.executeUpdate() == 1;
                    }
                });
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
            }
            assertEquals("raw: every record won exactly once", RECORDS, (int) raw[0]);

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

            double rawRate = raw[0] / raw[1];
            double engineRate = engine[0] / engine[1];
            rawTotal += raw[1];
            engineTotal += engine[1];
            System.out.printf("round %d: raw %.0f claims/s (%.2f s, %.0f attempts), engine %.0f claims/s (%.2f s, %.0f "
                    + "attempts), engine/raw %.0f %%%n", round, rawRate, raw[1], raw[2], engineRate, engine[1], engine[2],
                100 * engineRate / rawRate);
        }
        System.out.printf("pools claim benchmark on %s, contention %s: raw %.0f claims/s, engine %.0f claims/s, "
                + "engine/raw %.0f %%, double claims 0%n", db, CONTENTION, ROUNDS * RECORDS / rawTotal, ROUNDS * RECORDS / engineTotal,
            100 * rawTotal / engineTotal);
    }
}
