package org.openpartner.pools.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
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
import org.openpartner.pools.api.dto.Reason;
import org.openpartner.pools.internal.jpa.PoolLogEntity;
import org.openpartner.pools.internal.jpa.PoolRecordEntity;

/**
 * 32 claimants (8 companies of 4 users) against one hot pool, claiming and returning at random: afterwards the pool
 * log must show every record held by one user at a time, and no user may have claimed more than the daily limit nor
 * hold more than its cap, no company more than its cap, with the counters equal to what the records say. Sizes:
 * {@code -Dpools.threads}, {@code -Dpools.attempts} (per thread), {@code -Dpools.seed}.
 */
public class PoolClaimConcurrencyTest {

    private static final int THREADS = Integer.getInteger("pools.threads", 32);
    private static final int ATTEMPTS = Integer.getInteger("pools.attempts", 120);
    private static final int RECORDS = 80;
    private static final int DAILY = 25;
    private static final int USER_CAP = 3;
    private static final int COMPANY_CAP = 6;

    private PoolWorld world;

    @Before
    public void start() {
        world = new PoolWorld("pool-concurrency");
    }

    @After
    public void stop() {
        world.close();
    }

    @Test
    public void noRecordHasTwoHoldersAndNoLimitIsPassedUnderAnyInterleaving() throws Exception {
        long seed = Long.getLong("pools.seed", System.nanoTime());
        Pool pool = world.engine.create(PoolWorld.STAFF, new PoolInput("Hot", PoolWorld.OBJECT, PoolMode.CLAIMABLE,
            false, List.of(new PoolMember(PoolMember.Kind.ROLE, "dealer")), List.of(), List.of(),
            new ClaimRules(DAILY, USER_CAP, COMPANY_CAP, false, null)));
        List<String> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add("rec-" + i);
            world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, "rec-" + i, new Move(pool.id(), null));
        }
        List<CallContext> users = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            users.add(world.dealer("user-" + i, "company-" + (i % 8), "dealer"));
        }
        Map<String, AtomicInteger> claimsByUser = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            CallContext user = users.get(t);
            Random random = new Random(seed + t);
            done.add(threads.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < ATTEMPTS; i++) {
                    if (!mine.isEmpty() && random.nextInt(10) < 4) {
                        String record = mine.remove(random.nextInt(mine.size()));
                        world.engine.giveBack(user, PoolWorld.OBJECT, record, new Reason("attempt " + i));
                        continue;
                    }
                    String record = records.get(random.nextInt(records.size()));
                    try {
                        world.engine.claim(user, PoolWorld.OBJECT, record);
                        mine.add(record);
                        claimsByUser.computeIfAbsent(user.userId(), u -> new AtomicInteger()).incrementAndGet();
                    } catch (ApiException refused) {
                        refusals.computeIfAbsent(refused.code(), c -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        threads.shutdown();
        for (Future<?> f : done) {
            f.get(10, TimeUnit.MINUTES);
        }
        String context = "seed " + seed + ", refusals " + refusals + ", claims " + claimsByUser;

        // Limits: every refusal above was for a reason, and the limits were met, not passed.
        assertTrue(context, refusals.keySet().stream().allMatch(code -> List.of("already_held", "daily_limit_reached",
            "holding_cap_reached", "company_holding_cap_reached").contains(code)));
        assertTrue("the daily limit was reached: " + context, refusals.containsKey("daily_limit_reached"));
        assertTrue("the company cap was reached: " + context, refusals.containsKey("company_holding_cap_reached"));
        assertTrue("claimants met on one record: " + context, refusals.containsKey("already_held"));
        claimsByUser.forEach((user, claims) -> assertTrue(user + " claimed " + claims + "; " + context,
            claims.get() <= DAILY));
        world.tx.read(em -> {
            Map<String, Integer> heldByUser = new HashMap<>();
            Map<String, Integer> heldByCompany = new HashMap<>();
            for (PoolRecordEntity r : em.createQuery("select r from PoolRecordEntity r where r.poolId = :p",
                PoolRecordEntity.class).setParameter("p", pool.id()).getResultList()) {
                if (PoolRecordEntity.HELD.equals(r.getState())) {
                    heldByUser.merge(r.getHolderUserId(), 1, Integer::sum);
                    heldByCompany.merge(r.getHolderCompanyId(), 1, Integer::sum);
                }
                assertEquals("the object was told where " + r.getRecordId() + " stands",
                    r.getHolderUserId() == null ? "" : r.getHolderUserId(), world.placed.get(r.getRecordId()));
            }
            for (CallContext user : users) {
                int held = heldByUser.getOrDefault(user.userId(), 0);
                assertTrue(user.userId() + " holds " + held + "; " + context, held <= USER_CAP);
                assertEquals("holding counter of " + user.userId(), held, Counters.value(em, pool.id(),
                    Counters.heldByUser(user.userId())));
                int claims = claimsByUser.getOrDefault(user.userId(), new AtomicInteger()).get();
                assertEquals("daily counter of " + user.userId(), claims, Counters.value(em, pool.id(),
                    Counters.daily(user.userId(), world.clock.instant())));
            }
            for (int c = 0; c < 8; c++) {
                int held = heldByCompany.getOrDefault("company-" + c, 0);
                assertTrue("company-" + c + " holds " + held + "; " + context, held <= COMPANY_CAP);
                assertEquals("holding counter of company-" + c, held, Counters.value(em, pool.id(),
                    Counters.heldByCompany("company-" + c)));
            }
            // The log, in the order the clock gave: per record, a claim only while it waits, a return only by its holder.
            Map<String, String> holder = new HashMap<>();
            for (PoolLogEntity entry : em.createQuery("select l from PoolLogEntity l where l.poolId = :p "
                + "order by l.at, l.id", PoolLogEntity.class).setParameter("p", pool.id()).getResultList()) {
                String record = entry.getRecordId();
                switch (entry.getAction()) {
                    case "CLAIMED" -> {
                        assertEquals(record + " claimed by " + entry.getHolderUserId() + " while held; " + context,
                            null, holder.get(record));
                        holder.put(record, entry.getHolderUserId());
                    }
                    case "RETURNED" -> assertEquals(record + " returned by a non-holder; " + context,
                        holder.remove(record), entry.getHolderUserId());
                    default -> assertEquals("ENTERED", entry.getAction());
                }
            }
            return null;
        });
    }
}
