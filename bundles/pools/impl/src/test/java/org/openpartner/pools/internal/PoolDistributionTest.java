package org.openpartner.pools.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.openpartner.platform.api.ApiException;
import org.openpartner.pools.api.dto.ClaimRules;
import org.openpartner.pools.api.dto.Distribution;
import org.openpartner.pools.api.dto.DistributionRule;
import org.openpartner.pools.api.dto.DistributionRule.Condition;
import org.openpartner.pools.api.dto.DistributionRule.Condition.Operator;
import org.openpartner.pools.api.dto.DistributionRule.Strategy;
import org.openpartner.pools.api.dto.DistributionRule.Territory;
import org.openpartner.pools.api.dto.Move;
import org.openpartner.pools.api.dto.Pool;
import org.openpartner.pools.api.dto.PoolInput;
import org.openpartner.pools.api.dto.PoolLogEntry;
import org.openpartner.pools.api.dto.PoolMember;
import org.openpartner.pools.api.dto.PoolMode;
import org.openpartner.pools.api.dto.PooledRecord;

/**
 * Distribution rules (SPEC S6) on a real database: order and first match, each strategy, what is skipped and why,
 * the turns surviving a restart, and what explain says.
 */
public class PoolDistributionTest {

    private PoolWorld world;

    @Before
    public void start() {
        world = new PoolWorld("pool-distribution");
        for (String company : List.of("acme", "bolt", "crux")) {
            world.dealer(company + "-1", company, "dealer");
            world.dealer(company + "-2", company, "dealer");
        }
    }

    @After
    public void stop() {
        world.close();
    }

    private static PoolMember company(String id) {
        return new PoolMember(PoolMember.Kind.COMPANY, id);
    }

    private static PoolMember user(String id) {
        return new PoolMember(PoolMember.Kind.USER, id);
    }

    private static Condition when(String field, Operator operator, String... values) {
        return new Condition(field, operator, List.of(values));
    }

    private Pool pool(ClaimRules limits, DistributionRule... rules) {
        Pool pool = world.engine.create(PoolWorld.STAFF, new PoolInput("Pool " + System.nanoTime(), PoolWorld.OBJECT,
            PoolMode.CLAIMABLE, false, List.of(new PoolMember(PoolMember.Kind.ROLE, "dealer")), List.of(), List.of(),
            limits));
        world.engine.replaceRules(PoolWorld.STAFF, pool.id(), List.of(rules));
        return pool;
    }

    private static DistributionRule rule(String name, Strategy strategy, List<Condition> conditions,
                                         PoolMember... targets) {
        return new DistributionRule(null, name, conditions, strategy, List.of(targets), null);
    }

    private PooledRecord enter(Pool pool, String record, String... fieldsAndValues) {
        Map<String, String> values = new TreeMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        world.values.put(record, values);
        return world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, record, new Move(pool.id(), "incoming"));
    }

    private Distribution explain(String record) {
        return world.engine.explain(PoolWorld.STAFF, PoolWorld.OBJECT, record).orElseThrow();
    }

    @Test
    public void conditionsCompareIgnoringCaseAndSpacesAndEmptyIsBlank() {
        Object[][] table = {
            // operator, values, record value, holds
            {Operator.IN, List.of("West", "North"), "west", true},
            {Operator.IN, List.of("West"), " WEST ", true},
            {Operator.IN, List.of("West"), "East", false},
            {Operator.IN, List.of("West"), null, false},
            {Operator.NOT_IN, List.of("West"), "East", true},
            {Operator.NOT_IN, List.of("West"), null, true},
            {Operator.NOT_IN, List.of("West"), "West", false},
            {Operator.EMPTY, List.of(), null, true},
            {Operator.EMPTY, List.of(), "  ", true},
            {Operator.EMPTY, List.of(), "x", false},
            {Operator.NOT_EMPTY, List.of(), "x", true},
            {Operator.NOT_EMPTY, List.of(), "", false},
        };
        for (Object[] row : table) {
            @SuppressWarnings("unchecked")
            Condition condition = new Condition("region", (Operator) row[0], (List<String>) row[1]);
            assertEquals(java.util.Arrays.toString(row), row[3], Distributor.holds(condition, (String) row[2]));
        }
    }

    @Test
    public void theFirstMatchingRuleDecidesAndExplainNamesTheRulesPassedOver() {
        Pool pool = pool(ClaimRules.NONE,
            rule("Trade shows to acme", Strategy.ROUND_ROBIN, List.of(when("source", Operator.IN, "trade show")),
                company("acme")),
            rule("West to bolt", Strategy.ROUND_ROBIN, List.of(when("region", Operator.IN, "West")), company("bolt")),
            rule("Everything else to crux", Strategy.ROUND_ROBIN, List.of(), company("crux")));

        assertEquals("bolt-1", enter(pool, "r1", "region", "west", "source", "web").holderUserId());
        assertEquals("acme-1", enter(pool, "r2", "region", "West", "source", "Trade Show").holderUserId());
        assertEquals("crux-1", enter(pool, "r3", "region", "East").holderUserId());

        Distribution why = explain("r1");
        assertEquals(Distribution.Outcome.ASSIGNED, why.outcome());
        assertEquals("West to bolt", why.ruleName());
        assertEquals(1, why.unmatched().size());
        assertEquals("Trade shows to acme", why.unmatched().get(0).ruleName());
        assertEquals("source is one of [trade show]", why.unmatched().get(0).failedCondition());
        assertEquals("bolt-1", why.userId());
        assertEquals("bolt", why.companyId());
        assertTrue(why.summary(), why.summary().contains("West to bolt"));
        // The record's pool log says a rule assigned it, and no person.
        PoolLogEntry assigned = world.engine.history(PoolWorld.STAFF, PoolWorld.OBJECT, "r1").get(1);
        assertEquals(PoolLogEntry.Action.ASSIGNED, assigned.action());
        assertNull(assigned.actorUserId());
        assertEquals("bolt-1", world.placed.get("r1"));
    }

    @Test
    public void noMatchingRuleOrALeaveRuleLeavesTheRecordToBeClaimed() {
        Pool pool = pool(ClaimRules.NONE,
            rule("Partners' own", Strategy.LEAVE, List.of(when("source", Operator.IN, "partner"))),
            rule("West", Strategy.ROUND_ROBIN, List.of(when("region", Operator.IN, "West")), company("acme")));

        assertEquals(PooledRecord.State.WAITING, enter(pool, "left", "source", "partner", "region", "West").state());
        assertEquals("Partners' own", explain("left").ruleName());
        assertEquals(Distribution.Outcome.WAITING, explain("left").outcome());

        assertEquals(PooledRecord.State.WAITING, enter(pool, "unmatched", "region", "East").state());
        Distribution why = explain("unmatched");
        assertNull(why.ruleId());
        assertEquals(2, why.unmatched().size());
        // Waiting records are claimed as ever.
        assertEquals("bolt-1", world.engine.claim(world.users.get("bolt-1"), PoolWorld.OBJECT, "unmatched")
            .holderUserId());
    }

    @Test
    public void roundRobinIsFairPerRuleAlternatesUsersInsideACompanyAndSurvivesARestart() {
        Pool pool = pool(ClaimRules.NONE, rule("All", Strategy.ROUND_ROBIN, List.of(), company("acme"),
            company("bolt"), user("crux-2")));
        List<String> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            holders.add(enter(pool, "a" + i).holderUserId());
        }
        world.restart();
        for (int i = 4; i < 9; i++) {
            holders.add(enter(pool, "a" + i).holderUserId());
        }
        assertEquals(List.of("acme-1", "bolt-1", "crux-2", "acme-2", "bolt-2", "crux-2", "acme-1", "bolt-1", "crux-2"),
            holders);
        Distribution why = explain("a4");
        assertEquals(3, why.weighed().size());
        assertEquals(2, why.weighed().stream().filter(w -> w.id().equals("bolt")).findFirst().orElseThrow().lastTurn());
    }

    @Test
    public void roundRobinSkipsInactiveAndFullTargetsAndSaysWhy() {
        Pool pool = pool(new ClaimRules(null, 1, null, false, null), rule("All", Strategy.ROUND_ROBIN, List.of(),
            company("acme"), company("bolt"), user("crux-1")));
        world.inactive.add("bolt-1");
        world.inactive.add("bolt-2");
        world.inactive.add("crux-1");
        assertEquals("acme-1", enter(pool, "s1").holderUserId());
        assertEquals("acme-2", enter(pool, "s2").holderUserId());
        // acme's users each hold one, the cap: nobody can take the third.
        assertEquals(PooledRecord.State.WAITING, enter(pool, "s3").state());
        Distribution why = explain("s3");
        assertEquals(Distribution.Outcome.WAITING, why.outcome());
        assertEquals("All", why.ruleName());
        Map<String, String> skipped = new TreeMap<>();
        why.weighed().forEach(w -> skipped.put(w.id(), w.skipped()));
        assertEquals(Map.of("acme", "every user at the holding cap", "bolt", "no active user", "crux-1", "inactive"),
            skipped);
        world.inactive.remove("bolt-2");
        assertEquals("bolt-2", enter(pool, "s4").holderUserId());
    }

    @Test
    public void capacityGoesToTheTargetWithTheMostRemainingRoom() {
        Pool pool = pool(new ClaimRules(null, null, 4, false, null),
            rule("By room", Strategy.CAPACITY, List.of(), company("acme"), company("bolt")));
        List<String> companies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            companies.add(enter(pool, "c" + i).holderCompanyId());
        }
        // Equal room goes by turn; the one that just received has less room, until both hold four and the record
        // waits.
        assertEquals(List.of("acme", "bolt", "acme", "bolt", "acme", "bolt", "acme", "bolt"), companies);
        assertEquals(PooledRecord.State.WAITING, enter(pool, "c8").state());
        Distribution.Weighed acme = explain("c8").weighed().get(0);
        assertEquals(4, acme.held());
        assertEquals(Integer.valueOf(4), acme.cap());
        assertEquals("company holding cap reached", acme.skipped());
    }

    @Test
    public void capacityPrefersTheCompanyThatHoldsLess() {
        Pool pool = pool(new ClaimRules(null, null, 10, false, null));
        for (int i = 0; i < 3; i++) {
            enter(pool, "h" + i);
            world.engine.claim(world.users.get("acme-1"), PoolWorld.OBJECT, "h" + i);
        }
        world.engine.replaceRules(PoolWorld.STAFF, pool.id(), List.of(rule("By room", Strategy.CAPACITY, List.of(),
            company("acme"), company("bolt"))));
        List<String> companies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            companies.add(enter(pool, "n" + i).holderCompanyId());
        }
        assertEquals(List.of("bolt", "bolt", "bolt", "acme", "bolt"), companies);
    }

    @Test
    public void capacityWeighsEachCompanyAgainstItsPartnerLevelsCap() {
        world.partner("acme", "West", "Gold");
        world.partner("bolt", "East", "Silver");
        Pool pool = pool(new ClaimRules(null, null, 1, false, null, Map.of("Gold", 3)),
            rule("By room", Strategy.CAPACITY, List.of(), company("acme"), company("bolt")));
        List<String> companies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            companies.add(String.valueOf(enter(pool, "g" + i).holderCompanyId()));
        }
        assertEquals(List.of("acme", "acme", "bolt", "acme", "null"), companies);
        assertEquals(Integer.valueOf(3), explain("g4").weighed().get(0).cap());
        assertEquals(Integer.valueOf(1), explain("g4").weighed().get(1).cap());
    }

    @Test
    public void territoryHandsARecordToTheTargetsWhosePartnerSharesItsValue() {
        world.partner("acme", "West", "gold");
        world.partner("bolt", "East", "silver");
        world.partner("crux", "west", "silver");
        Pool pool = pool(ClaimRules.NONE, new DistributionRule(null, "By region", List.of(), Strategy.TERRITORY,
            List.of(company("acme"), company("bolt"), company("crux")), new Territory("region", "region")));
        assertEquals("acme", enter(pool, "t1", "region", "West").holderCompanyId());
        assertEquals("crux", enter(pool, "t2", "region", "WEST").holderCompanyId());
        assertEquals("acme", enter(pool, "t3", "region", "west").holderCompanyId());
        assertEquals("bolt", enter(pool, "t4", "region", "East").holderCompanyId());
        assertEquals(PooledRecord.State.WAITING, enter(pool, "t5", "region", "North").state());
        assertEquals("other territory", explain("t5").weighed().get(0).skipped());
        assertEquals(PooledRecord.State.WAITING, enter(pool, "t6").state());
        assertEquals("the record has no territory value", explain("t6").weighed().get(1).skipped());

        Pool byLevel = pool(ClaimRules.NONE, new DistributionRule(null, "Gold leads", List.of(), Strategy.TERRITORY,
            List.of(company("acme"), company("bolt")), new Territory("source", "level")));
        assertEquals("acme", enter(byLevel, "l1", "source", "Gold").holderCompanyId());
    }

    @Test
    public void rolesTargetEachOfTheirHolders() {
        world.dealer("solo", "dune", "closer");
        world.dealer("duo", "echo", "closer");
        Pool pool = pool(ClaimRules.NONE, rule("Closers", Strategy.ROUND_ROBIN, List.of(),
            new PoolMember(PoolMember.Kind.ROLE, "dealer"), user("solo")));
        List<String> holders = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            holders.add(enter(pool, "k" + i).holderUserId());
        }
        assertEquals(List.of("acme-1", "acme-2", "bolt-1", "bolt-2", "crux-1", "crux-2", "solo"), holders);
    }

    @Test
    public void keptRulesKeepTheirTurnsAndRemovedOnesGo() {
        Pool pool = pool(ClaimRules.NONE, rule("All", Strategy.ROUND_ROBIN, List.of(), company("acme"),
            company("bolt")));
        assertEquals("acme", enter(pool, "p1").holderCompanyId());
        DistributionRule kept = world.engine.rules(PoolWorld.STAFF, pool.id()).get(0);
        world.engine.replaceRules(PoolWorld.STAFF, pool.id(), List.of(
            rule("First", Strategy.LEAVE, List.of(when("source", Operator.IN, "x"))),
            new DistributionRule(kept.id(), "All, renamed", List.of(), Strategy.ROUND_ROBIN, kept.targets(), null)));
        assertEquals("bolt", enter(pool, "p2").holderCompanyId());
        List<DistributionRule> rules = world.engine.rules(PoolWorld.STAFF, pool.id());
        assertEquals(List.of("First", "All, renamed"), rules.stream().map(DistributionRule::name).toList());
        assertEquals(kept.id(), rules.get(1).id());
        world.engine.replaceRules(PoolWorld.STAFF, pool.id(), List.of());
        assertEquals(PooledRecord.State.WAITING, enter(pool, "p3").state());
    }

    @Test
    public void badRulesAreRefusedNamingTheField() {
        Pool pool = pool(ClaimRules.NONE);
        Object[][] table = {
            {rule("x", Strategy.ROUND_ROBIN, List.of()), "[0].targets", "required"},
            {rule("x", Strategy.LEAVE, List.of(), company("acme")), "[0].targets", "not_applicable"},
            {rule("", Strategy.LEAVE, List.of()), "[0].name", "required"},
            {new DistributionRule(null, "x", List.of(), null, List.of(), null), "[0].strategy", "required"},
            {rule("x", Strategy.LEAVE, List.of(when("colour", Operator.IN, "red"))), "[0].conditions[0].field",
                "unknown_field"},
            {rule("x", Strategy.LEAVE, List.of(when("region", Operator.IN))), "[0].conditions[0].values", "required"},
            {rule("x", Strategy.LEAVE, List.of(when("region", Operator.EMPTY, "a"))), "[0].conditions[0].values",
                "not_applicable"},
            {rule("x", Strategy.LEAVE, List.of(new Condition("region", null, List.of()))),
                "[0].conditions[0].operator", "required"},
            {new DistributionRule(null, "x", List.of(), Strategy.TERRITORY, List.of(company("acme")), null),
                "[0].territory.recordField", "unknown_field"},
            {new DistributionRule(null, "x", List.of(), Strategy.TERRITORY, List.of(company("acme")),
                new Territory("region", "colour")), "[0].territory.partnerField", "unknown_field"},
            {new DistributionRule(null, "x", List.of(), Strategy.ROUND_ROBIN, List.of(company("acme")),
                new Territory("region", "region")), "[0].territory", "not_applicable"},
            {new DistributionRule("no-such-rule", "x", List.of(), Strategy.LEAVE, List.of(), null), "[0].id",
                "unknown_rule"},
        };
        for (Object[] row : table) {
            try {
                world.engine.replaceRules(PoolWorld.STAFF, pool.id(), List.of((DistributionRule) row[0]));
                fail("accepted " + row[0]);
            } catch (ApiException e) {
                assertEquals(e.getMessage(), 400, e.status());
                assertEquals(e.getMessage(), row[1], e.field());
                assertEquals(e.getMessage(), row[2], e.code());
            }
        }
        assertTrue(world.engine.rules(PoolWorld.STAFF, pool.id()).isEmpty());
        // Members neither read nor change the rules.
        try {
            world.engine.rules(world.users.get("acme-1"), pool.id());
            fail();
        } catch (ApiException e) {
            assertEquals(403, e.status());
        }
        assertFalse(world.engine.explain(PoolWorld.STAFF, PoolWorld.OBJECT, "never-pooled").isPresent());
    }
}
