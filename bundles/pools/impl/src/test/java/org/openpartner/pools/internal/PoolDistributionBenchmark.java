package org.openpartner.pools.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.openpartner.pools.api.dto.ClaimRules;
import org.openpartner.pools.api.dto.DistributionRule;
import org.openpartner.pools.api.dto.DistributionRule.Condition;
import org.openpartner.pools.api.dto.DistributionRule.Strategy;
import org.openpartner.pools.api.dto.Move;
import org.openpartner.pools.api.dto.Pool;
import org.openpartner.pools.api.dto.PoolInput;
import org.openpartner.pools.api.dto.PoolMember;
import org.openpartner.pools.api.dto.PoolMode;

/**
 * Not a test: the distribution benchmark of issue 5 (run by {@code benchmarks/pool-distribution.sh}, never by the
 * build). {@code -Dpools.records} incoming records enter one pool from {@code -Dpools.threads} request threads of one
 * engine, through the pool's 20 distribution rules: 19 that each match one region (round-robin over companies,
 * capacity-weighted over companies, territory by the partner's region, round-robin over a role's holders, in turn)
 * and a last one without conditions that leaves the record for claiming, so a record passes over ten rules on
 * average before one decides. The baseline, in alternating rounds of the same run, is the same number of records
 * entering a pool without rules (the entry, its grant, log entry and event, which every distributed record also pays).
 * Prints records per second of both; checks that every record ended held or waiting as its rule says and that each
 * round-robin rule dealt its records out evenly. Asserts nothing about time.
 */
public class PoolDistributionBenchmark {

    private static final int THREADS = Integer.getInteger("pools.threads", 8);
    private static final int RECORDS = Integer.getInteger("pools.records", 10_000);
    private static final int ROUNDS = Integer.getInteger("pools.rounds", 1);
    private static final int RULES = 20;
    private static final int COMPANIES = 8;
    private static final int USERS_PER_COMPANY = 4;

    private PoolWorld world;

    @Before
    public void start() {
        world = new PoolWorld("pool-distribution-benchmark", true);
        for (int c = 0; c < COMPANIES; c++) {
            String company = "company-" + c;
            // Each territory rule (2, 6, 10, 14, 18) finds one company of its region.
            world.partner(company, region((4 * c + 2) % (RULES - 1)), "level-" + (c % 3));
            for (int u = 0; u < USERS_PER_COMPANY; u++) {
                world.dealer("dealer-" + c + "-" + u, company, u == 0 ? "key-account" : "dealer");
            }
        }
    }

    @After
    public void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static String region(int i) {
        return "region-" + i;
    }

    private static List<PoolMember> companies() {
        List<PoolMember> all = new ArrayList<>();
        for (int c = 0; c < COMPANIES; c++) {
            all.add(new PoolMember(PoolMember.Kind.COMPANY, "company-" + c));
        }
        return all;
    }

    /** Rule i < 19 takes region i with strategy i mod 4; rule 19 leaves the rest (region 19) for claiming. */
    private static List<DistributionRule> rules() {
        List<DistributionRule> rules = new ArrayList<>();
        for (int i = 0; i < RULES - 1; i++) {
            List<Condition> when = List.of(new Condition("region", Condition.Operator.IN, List.of(region(i))));
            rules.add(switch (i % 4) {
                case 0 -> new DistributionRule(null, "Rule " + i, when, Strategy.ROUND_ROBIN, companies(), null);
                case 1 -> new DistributionRule(null, "Rule " + i, when, Strategy.CAPACITY, companies(), null);
                case 2 -> new DistributionRule(null, "Rule " + i, when, Strategy.TERRITORY, companies(),
                    new DistributionRule.Territory("region", "region"));
                default -> new DistributionRule(null, "Rule " + i, when, Strategy.ROUND_ROBIN,
                    List.of(new PoolMember(PoolMember.Kind.ROLE, "key-account")), null);
            });
        }
        rules.add(new DistributionRule(null, "Everything else", List.of(), Strategy.LEAVE, List.of(), null));
        return rules;
    }

    private Pool pool(String name, boolean withRules) {
        Pool pool = world.engine.create(PoolWorld.STAFF, new PoolInput(name, PoolWorld.OBJECT, PoolMode.CLAIMABLE,
            false, List.of(new PoolMember(PoolMember.Kind.ROLE, "dealer"), new PoolMember(PoolMember.Kind.ROLE,
            "key-account")), List.of(), List.of(), ClaimRules.NONE));
        if (withRules) {
            world.engine.replaceRules(PoolWorld.STAFF, pool.id(), rules());
        }
        return pool;
    }

    /** Puts the records into the pool from the request threads; the seconds it took. */
    private double enter(Pool pool, List<String> records) throws Exception {
        AtomicInteger cursor = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<Void>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            done.add(threads.submit(() -> {
                for (int next = cursor.getAndIncrement(); next < records.size(); next = cursor.getAndIncrement()) {
                    world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, records.get(next), new Move(pool.id(), null));
                }
                return null;
            }));
        }
        for (Future<Void> f : done) {
            f.get(2, TimeUnit.HOURS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        return seconds;
    }

    private List<String> records(String prefix) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String id = prefix + "-" + i;
            // Spread over the 20 regions, the 20th matched by no region rule.
            world.values.put(id, Map.of("region", region(i % RULES), "source", "web"));
            records.add(id);
        }
        return records;
    }

    @Test
    public void recordsPerSecondThroughTwentyRulesBesideEntryWithoutRules() throws Exception {
        String db = world.url.startsWith("jdbc:derby") ? "derby" : "postgresql";
        System.out.printf("pools distribution benchmark on %s: %d records per round through %d rules, %d request "
            + "threads, %d rounds%n", db, RECORDS, RULES, THREADS, ROUNDS);
        double plainSeconds = 0;
        double ruledSeconds = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            Pool plain = pool("Plain " + round, false);
            double plainTime = enter(plain, records("plain" + round));
            plainSeconds += plainTime;

            Pool ruled = pool("Ruled " + round, true);
            List<String> records = records("ruled" + round);
            double ruledTime = enter(ruled, records);
            ruledSeconds += ruledTime;
            check(ruled, records);
            System.out.printf("round %d: entry without rules %.0f records/s (%.1f s), through %d rules %.0f records/s "
                    + "(%.1f s), %.0f %% of entry%n", round, RECORDS / plainTime, plainTime, RULES, RECORDS / ruledTime,
                ruledTime, 100 * plainTime / ruledTime);
        }
        System.out.printf("pools distribution benchmark on %s: entry without rules %.0f records/s, through %d rules "
                + "%.0f records/s (%.0f %% of entry)%n", db, ROUNDS * RECORDS / plainSeconds, RULES,
            ROUNDS * RECORDS / ruledSeconds, 100 * plainSeconds / ruledSeconds);
    }

    /**
     * Every record of a region rule is held, every other one waits, and each round-robin rule over companies dealt
     * its records out within one of each other.
     */
    private void check(Pool pool, List<String> records) {
        List<Object[]> rows = world.tx.read(em -> em.createQuery("select r.recordId, r.state, r.holderCompanyId from "
            + "PoolRecordEntity r where r.poolId = :p", Object[].class).setParameter("p", pool.id()).getResultList());
        assertEquals(records.size(), rows.size());
        Map<String, Map<String, Integer>> perRule = new java.util.HashMap<>();
        for (Object[] row : rows) {
            String region = world.values.get((String) row[0]).get("region");
            int rule = Integer.parseInt(region.substring("region-".length()));
            boolean held = "HELD".equals(row[1]);
            assertEquals(row[0] + " in " + region, rule < RULES - 1, held);
            if (held) {
                perRule.computeIfAbsent("Rule " + rule, k -> new java.util.TreeMap<>()).merge((String) row[2], 1,
                    Integer::sum);
            }
        }
        for (int i = 0; i < RULES - 1; i += 4) {
            Map<String, Integer> dealt = perRule.get("Rule " + i);
            int most = dealt.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            int least = dealt.size() < COMPANIES ? 0 : dealt.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            assertTrue("Rule " + i + " dealt " + dealt, most - least <= 1);
        }
    }
}
