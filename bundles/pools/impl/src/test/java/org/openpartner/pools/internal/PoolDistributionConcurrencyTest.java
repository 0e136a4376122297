package org.openpartner.pools.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.pools.api.dto.ClaimRules;
import org.openpartner.pools.api.dto.DistributionRule;
import org.openpartner.pools.api.dto.Move;
import org.openpartner.pools.api.dto.Pool;
import org.openpartner.pools.api.dto.PoolInput;
import org.openpartner.pools.api.dto.PoolMember;
import org.openpartner.pools.api.dto.PoolMode;
import org.openpartner.pools.internal.jpa.PoolRecordEntity;

/**
 * Distribution under concurrency: records entering one pool from many threads (each thread as another node would:
 * its own engine on the shared database) are handed out in exact turns, and holding caps hold while members claim
 * from the same pool at the same time. {@code -Dpools.seed} replays the claimers' choices.
 */
public class PoolDistributionConcurrencyTest {

    private static final int THREADS = 8;
    private static final List<String> COMPANIES = List.of("c0", "c1", "c2", "c3");

    private PoolWorld world;

    @Before
    public void start() {
        world = new PoolWorld("pool-distribution-concurrency");
        for (String company : COMPANIES) {
            world.dealer(company + "-a", company, "dealer");
            world.dealer(company + "-b", company, "dealer");
        }
    }

    @After
    public void stop() {
        world.close();
    }

    private Pool pool(ClaimRules limits) {
        Pool pool = world.engine.create(PoolWorld.STAFF, new PoolInput("Hot " + System.nanoTime(), PoolWorld.OBJECT,
            PoolMode.CLAIMABLE, false, List.of(new PoolMember(PoolMember.Kind.ROLE, "dealer")), List.of(), List.of(),
            limits));
        world.engine.replaceRules(PoolWorld.STAFF, pool.id(), List.of(new DistributionRule(null, "Everyone in turn",
            List.of(), DistributionRule.Strategy.ROUND_ROBIN, COMPANIES.stream()
            .map(c -> new PoolMember(PoolMember.Kind.COMPANY, c)).toList(), null)));
        return pool;
    }

    private static void runAll(List<Callable<Void>> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(work.size());
        List<Future<Void>> done = new ArrayList<>();
        work.forEach(w -> done.add(threads.submit(w)));
        threads.shutdown();
        for (Future<Void> f : done) {
            f.get(10, TimeUnit.MINUTES);
        }
    }

    /** Holder user (or "" while waiting) of each record of the pool, as the engine's rows say. */
    private Map<String, String> holders(Pool pool) {
        return world.tx.read(em -> em.createQuery("select r from PoolRecordEntity r where r.poolId = :p",
                PoolRecordEntity.class).setParameter("p", pool.id()).getResultList().stream()
            .collect(Collectors.toMap(PoolRecordEntity::getRecordId,
                r -> r.getHolderUserId() == null ? "" : r.getHolderUserId())));
    }

    private int counter(Pool pool, String key) {
        return world.tx.read(em -> Counters.value(em, pool.id(), key));
    }

    @Test
    public void turnsStayExactWhenEightNodesDistributeAtOnce() throws Exception {
        Pool pool = pool(ClaimRules.NONE);
        int perThread = 25;
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            PoolServiceImpl node = world.restart();
            work.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    node.put(PoolWorld.STAFF, PoolWorld.OBJECT, "r-" + thread + "-" + i, new Move(pool.id(), null));
                }
                return null;
            });
        }
        runAll(work);

        Map<String, Long> byUser = new TreeMap<>(holders(pool).values().stream()
            .collect(Collectors.groupingBy(h -> h, Collectors.counting())));
        int records = THREADS * perThread;
        Map<String, Long> expected = new TreeMap<>();
        for (String company : COMPANIES) {
            expected.put(company + "-a", (long) records / 8);
            expected.put(company + "-b", (long) records / 8);
        }
        assertEquals(expected, byUser);
        long turn = world.tx.read(em -> em.createQuery("select r.turn from PoolRuleEntity r where r.poolId = :p",
            Long.class).setParameter("p", pool.id()).getSingleResult());
        assertEquals(records, turn);
    }

    @Test
    public void capsHoldWhileRulesDistributeAndMembersClaimAtOnce() throws Exception {
        long seed = Long.getLong("pools.seed", System.nanoTime());
        int companyCap = 20;
        int userCap = 12;
        Pool pool = pool(new ClaimRules(null, userCap, companyCap, false, null));
        // Waiting records the claimers go after, entered before the rules existed.
        List<String> waiting = new ArrayList<>();
        List<DistributionRule> rules = world.engine.rules(PoolWorld.STAFF, pool.id());
        world.engine.replaceRules(PoolWorld.STAFF, pool.id(), List.of());
        for (int i = 0; i < 40; i++) {
            waiting.add("w-" + i);
            world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, "w-" + i, new Move(pool.id(), null));
        }
        world.engine.replaceRules(PoolWorld.STAFF, pool.id(), rules.stream().map(r -> new DistributionRule(null,
            r.name(), r.conditions(), r.strategy(), r.targets(), r.territory())).toList());

        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < THREADS / 2; t++) {
            int thread = t;
            PoolServiceImpl node = world.restart();
            work.add(() -> {
                for (int i = 0; i < 30; i++) {
                    node.put(PoolWorld.STAFF, PoolWorld.OBJECT, "d-" + thread + "-" + i, new Move(pool.id(), null));
                }
                return null;
            });
        }
        for (int t = 0; t < THREADS / 2; t++) {
            CallContext claimer = world.dealer("claimer-" + t, COMPANIES.get(t), "dealer");
            Random random = new Random(seed + t);
            work.add(() -> {
                for (int i = 0; i < 30; i++) {
                    try {
                        world.engine.claim(claimer, PoolWorld.OBJECT, waiting.get(random.nextInt(waiting.size())));
                    } catch (ApiException refused) {
                        assertTrue(refused.code(), List.of("already_held", "holding_cap_reached",
                            "company_holding_cap_reached").contains(refused.code()));
                    }
                }
                return null;
            });
        }
        runAll(work);

        String context = "seed " + seed;
        Map<String, String> holders = holders(pool);
        Map<String, Integer> byCompany = new TreeMap<>();
        Map<String, Integer> byUser = new TreeMap<>();
        holders.values().stream().filter(h -> !h.isEmpty()).forEach(h -> {
            byUser.merge(h, 1, Integer::sum);
            byCompany.merge(world.users.get(h).companyId(), 1, Integer::sum);
        });
        // 160 records for 4 companies of 20: every company full, none over, and the counters agree with the rows.
        for (String company : COMPANIES) {
            assertEquals(context + " " + byCompany, Integer.valueOf(companyCap), byCompany.get(company));
            assertEquals(context, companyCap, counter(pool, Counters.heldByCompany(company)));
        }
        byUser.forEach((user, held) -> {
            assertTrue(context + " " + byUser, held <= userCap);
            assertEquals(context, (int) held, counter(pool, Counters.heldByUser(user)));
        });
        assertEquals(context, 160 - COMPANIES.size() * companyCap,
            holders.values().stream().filter(String::isEmpty).count());
    }
}
