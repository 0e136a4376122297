package org.openpartner.pools.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.pools.api.dto.Assignment;
import org.openpartner.pools.api.dto.BulkAssignment;
import org.openpartner.pools.api.dto.BulkMove;
import org.openpartner.pools.api.dto.ClaimRules;
import org.openpartner.pools.api.dto.Move;
import org.openpartner.pools.api.dto.Pool;
import org.openpartner.pools.api.dto.PoolInput;
import org.openpartner.pools.api.dto.PoolLogEntry;
import org.openpartner.pools.api.dto.PoolMember;
import org.openpartner.pools.api.dto.PoolMode;
import org.openpartner.pools.api.dto.PooledRecord;
import org.openpartner.pools.api.dto.Reason;
import org.openpartner.pools.api.dto.RecordOutcome;

/** Each claim rule of SPEC S6 on its own, on a real database: what it allows, what it refuses and with which code. */
public class PoolRulesTest {

    private PoolWorld world;
    private CallContext alice;
    private CallContext bob;
    private CallContext carol;

    @Before
    public void start() {
        world = new PoolWorld("pool-rules");
        alice = world.dealer("alice", "acme", "dealer");
        bob = world.dealer("bob", "acme", "dealer");
        carol = world.dealer("carol", "bolt", "dealer");
    }

    @After
    public void stop() {
        world.close();
    }

    private Pool pool(PoolMode mode, ClaimRules rules) {
        return world.engine.create(PoolWorld.STAFF, new PoolInput("Pool " + System.nanoTime(), PoolWorld.OBJECT, mode,
            false, List.of(new PoolMember(PoolMember.Kind.ROLE, "dealer")), List.of(), List.of("phone"), rules));
    }

    private void put(Pool pool, String... records) {
        for (String record : records) {
            world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, record, new Move(pool.id(), "new"));
        }
    }

    private PooledRecord claim(CallContext user, String record) {
        return world.engine.claim(user, PoolWorld.OBJECT, record);
    }

    private void giveBack(CallContext user, String record) {
        world.engine.giveBack(user, PoolWorld.OBJECT, record, new Reason("not for us"));
    }

    private static void refused(int status, String code, Runnable action) {
        try {
            action.run();
            fail("expected " + code);
        } catch (ApiException e) {
            assertEquals(e.getMessage(), code, e.code());
            assertEquals(e.getMessage(), status, e.status());
        }
    }

    @Test
    public void aClaimHoldsTheRecordAndTellsTheObjectOnlyOneClaimantWins() {
        Pool pool = pool(PoolMode.CLAIMABLE, ClaimRules.NONE);
        put(pool, "r1");
        assertEquals("", world.placed.get("r1"));
        PooledRecord held = claim(alice, "r1");
        assertEquals(PooledRecord.State.HELD, held.state());
        assertEquals("alice", held.holderUserId());
        assertEquals("acme", held.holderCompanyId());
        assertEquals("alice", world.placed.get("r1"));
        refused(409, "already_held", () -> claim(bob, "r1"));
        refused(409, "already_held", () -> claim(alice, "r1"));
        refused(409, "not_held", () -> giveBack(bob, "r1"));
        refused(400, "required", () -> world.engine.giveBack(alice, PoolWorld.OBJECT, "r1", new Reason(" ")));
        giveBack(alice, "r1");
        assertEquals("", world.placed.get("r1"));
        assertEquals("bob", claim(bob, "r1").holderUserId());
    }

    @Test
    public void onlyMembersClaimAndOnlyFromClaimablePools() {
        Pool claimable = pool(PoolMode.CLAIMABLE, ClaimRules.NONE);
        Pool assignOnly = pool(PoolMode.ADMIN_ASSIGN, ClaimRules.NONE);
        put(claimable, "r1");
        put(assignOnly, "r2");
        CallContext outsider = world.dealer("olga", "acme", "viewer");
        refused(403, "not_a_member", () -> claim(outsider, "r1"));
        refused(403, "assign_only", () -> claim(alice, "r2"));
        refused(409, "not_pooled", () -> claim(alice, "nowhere"));
        assertEquals("alice", world.engine.assign(PoolWorld.STAFF, PoolWorld.OBJECT, "r2",
            new Assignment("alice", "territory")).holderUserId());
        refused(403, "forbidden", () -> world.engine.assign(bob, PoolWorld.OBJECT, "r1", new Assignment("bob", "mine")));
    }

    @Test
    public void aChangedPoolGovernsTheNextClaimOnEveryNode() {
        Pool pool = pool(PoolMode.CLAIMABLE, new ClaimRules(null, 1, null, false, null));
        put(pool, "r1", "r2", "r3");
        PoolServiceImpl first = world.engine;
        PoolServiceImpl second = world.restart();
        first.claim(alice, PoolWorld.OBJECT, "r1");
        refused(409, "holding_cap_reached", () -> first.claim(alice, PoolWorld.OBJECT, "r2"));
        // The other node raises the cap: the first node's next claim counts against the new one.
        second.update(PoolWorld.STAFF, pool.id(), new PoolInput(pool.name(), PoolWorld.OBJECT, PoolMode.CLAIMABLE,
            false, List.of(new PoolMember(PoolMember.Kind.ROLE, "dealer")), List.of(), List.of("phone"),
            new ClaimRules(null, 2, null, false, null)));
        assertEquals("alice", first.claim(alice, PoolWorld.OBJECT, "r2").holderUserId());
        // And then opens the pool to key accounts only: dealers are no members any more on either node.
        second.update(PoolWorld.STAFF, pool.id(), new PoolInput(pool.name(), PoolWorld.OBJECT, PoolMode.CLAIMABLE,
            false, List.of(new PoolMember(PoolMember.Kind.ROLE, "key-account")), List.of(), List.of("phone"),
            new ClaimRules(null, 2, null, false, null)));
        refused(403, "not_a_member", () -> first.claim(bob, PoolWorld.OBJECT, "r3"));
        CallContext kim = world.dealer("kim", "bolt", "key-account");
        assertEquals("kim", first.claim(kim, PoolWorld.OBJECT, "r3").holderUserId());
    }

    @Test
    public void anEmployeeNamedAsAMemberClaimsForNoCompany() {
        CallContext emma = world.employee("emma");
        Pool pool = world.engine.create(PoolWorld.STAFF, new PoolInput("Staff pool", PoolWorld.OBJECT, null, false,
            List.of(new PoolMember(PoolMember.Kind.USER, "emma")), List.of("emma"), List.of(), null));
        put(pool, "r1");
        PooledRecord held = claim(emma, "r1");
        assertEquals("emma", held.holderUserId());
        assertNull(held.holderCompanyId());
        assertEquals("an admin of the pool reads its log", 2, world.engine.history(emma, PoolWorld.OBJECT, "r1").size());
        giveBack(emma, "r1");
        refused(403, "not_a_member", () -> claim(alice, "r1"));
    }

    @Test
    public void aUserHoldsNoMoreThanTheUserCapAndReturningFreesAPlace() {
        Pool pool = pool(PoolMode.CLAIMABLE, new ClaimRules(null, 2, null, false, null));
        put(pool, "r1", "r2", "r3");
        claim(alice, "r1");
        claim(alice, "r2");
        refused(409, "holding_cap_reached", () -> claim(alice, "r3"));
        assertEquals("", world.placed.get("r3"));
        claim(bob, "r3");
        giveBack(alice, "r1");
        claim(alice, "r1");
    }

    @Test
    public void aCompanyHoldsNoMoreThanTheCompanyCapWhoeverOfItClaims() {
        Pool pool = pool(PoolMode.CLAIMABLE, new ClaimRules(null, null, 2, false, null));
        put(pool, "r1", "r2", "r3", "r4");
        claim(alice, "r1");
        claim(bob, "r2");
        refused(409, "company_holding_cap_reached", () -> claim(alice, "r3"));
        refused(409, "company_holding_cap_reached", () -> claim(bob, "r3"));
        claim(carol, "r3");
        giveBack(bob, "r2");
        claim(alice, "r4");
    }

    @Test
    public void aCompanysCapFollowsItsPartnerLevelWhereThePoolNamesIt() {
        world.partner("acme", "West", "Gold");
        world.partner("bolt", "East", "Silver");
        Pool pool = pool(PoolMode.CLAIMABLE, new ClaimRules(null, null, 1, false, null, Map.of("gold", 3)));
        assertEquals(Map.of("gold", 3), pool.rules().companyHoldingCapByLevel());
        put(pool, "r1", "r2", "r3", "r4", "r5");
        claim(alice, "r1");
        claim(bob, "r2");
        claim(alice, "r3");
        refused(409, "company_holding_cap_reached", () -> claim(bob, "r4"));
        // Silver is not named: the pool's own cap.
        claim(carol, "r4");
        refused(409, "company_holding_cap_reached", () -> claim(carol, "r5"));
        // An assignment is held to the same cap.
        refused(409, "company_holding_cap_reached", () -> world.engine.assign(PoolWorld.STAFF, PoolWorld.OBJECT, "r5",
            new Assignment("bob", null)));
        refused(400, "invalid_number", () -> pool(PoolMode.CLAIMABLE, new ClaimRules(null, null, 1, false, null,
            Map.of("Gold", 0))));
    }

    @Test
    public void theDailyLimitCountsClaimsNotHoldingsAndResetsTheNextDay() {
        Pool pool = pool(PoolMode.CLAIMABLE, new ClaimRules(2, null, null, false, null));
        put(pool, "r1", "r2");
        claim(alice, "r1");
        giveBack(alice, "r1");
        claim(alice, "r1");
        giveBack(alice, "r1");
        refused(409, "daily_limit_reached", () -> claim(alice, "r2"));
        claim(bob, "r2");
        world.clock.advance(Duration.ofDays(1));
        claim(alice, "r1");
    }

    @Test
    public void whoReturnedARecordClaimsItAgainOnlyAfterTheCoolDown() {
        Pool pool = pool(PoolMode.CLAIMABLE, new ClaimRules(null, null, null, false, 24));
        put(pool, "r1");
        claim(alice, "r1");
        giveBack(alice, "r1");
        refused(409, "cooling_down", () -> claim(alice, "r1"));
        claim(bob, "r1");
        giveBack(bob, "r1");
        world.clock.advance(Duration.ofHours(25));
        assertEquals("alice", claim(alice, "r1").holderUserId());
    }

    @Test
    public void anAssignmentRespectsCapsAndMovesTheHoldingFromTheFormerHolder() {
        Pool pool = pool(PoolMode.CLAIMABLE, new ClaimRules(null, 1, null, false, null));
        put(pool, "r1", "r2");
        claim(alice, "r1");
        refused(409, "holding_cap_reached", () -> world.engine.assign(PoolWorld.STAFF, PoolWorld.OBJECT, "r2",
            new Assignment("alice", "more")));
        world.engine.assign(PoolWorld.STAFF, PoolWorld.OBJECT, "r1", new Assignment("bob", "territory"));
        assertEquals("bob", world.placed.get("r1"));
        assertEquals("alice takes another now that r1 went to bob", "alice", claim(alice, "r2").holderUserId());
        refused(400, "unknown_user", () -> world.engine.assign(PoolWorld.STAFF, PoolWorld.OBJECT, "r2",
            new Assignment("nobody", null)));
    }

    @Test
    public void bulkAssignAndMoveChangeEachRecordOnItsOwn() {
        Pool first = pool(PoolMode.CLAIMABLE, new ClaimRules(null, 2, null, false, null));
        Pool second = pool(PoolMode.CLAIMABLE, ClaimRules.NONE);
        put(first, "r1", "r2", "r3", "r4");
        put(second, "elsewhere");
        List<RecordOutcome> assigned = world.engine.assignAll(PoolWorld.STAFF, first.id(),
            new BulkAssignment(List.of("r1", "elsewhere", "r2", "r3", "r1"), "alice", "key accounts"));
        assertEquals(List.of("r1:null", "elsewhere:not_in_pool", "r2:null", "r3:holding_cap_reached"),
            assigned.stream().map(o -> o.recordId() + ":" + o.code()).toList());
        assertEquals("alice", assigned.get(0).record().holderUserId());
        assertEquals("alice", world.placed.get("r2"));
        assertEquals("", world.placed.get("r3"));

        List<RecordOutcome> moved = world.engine.moveAll(PoolWorld.STAFF, first.id(),
            new BulkMove(List.of("r1", "r3", "elsewhere"), second.id(), "reorganised"));
        assertEquals(List.of("r1:null", "r3:null", "elsewhere:not_in_pool"),
            moved.stream().map(o -> o.recordId() + ":" + o.code()).toList());
        assertEquals(second.id(), moved.get(0).record().poolId());
        assertEquals("alice's holding of r1 went with it", "alice", claim(alice, "r4").holderUserId());

        refused(400, "required", () -> world.engine.assignAll(PoolWorld.STAFF, first.id(),
            new BulkAssignment(List.of(), "alice", null)));
        refused(400, "required", () -> world.engine.moveAll(PoolWorld.STAFF, first.id(),
            new BulkMove(List.of("r2"), null, null)));
        refused(403, "forbidden", () -> world.engine.assignAll(bob, first.id(),
            new BulkAssignment(List.of("r2"), "bob", null)));
        refused(404, "not_found", () -> world.engine.assignAll(PoolWorld.STAFF, "no-such-pool",
            new BulkAssignment(List.of("r2"), "bob", null)));
    }

    @Test
    public void movingAHeldRecordToAnotherPoolTakesItFromItsHolder() {
        Pool first = pool(PoolMode.CLAIMABLE, new ClaimRules(null, 1, null, false, null));
        Pool second = pool(PoolMode.CLAIMABLE, ClaimRules.NONE);
        put(first, "r1", "r2");
        claim(alice, "r1");
        PooledRecord moved = world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, "r1", new Move(second.id(), "region"));
        assertEquals(second.id(), moved.poolId());
        assertNull(moved.holderUserId());
        assertEquals("", world.placed.get("r1"));
        claim(alice, "r2");
        List<PoolLogEntry> log = world.engine.history(PoolWorld.STAFF, PoolWorld.OBJECT, "r1");
        assertEquals(List.of(PoolLogEntry.Action.ENTERED, PoolLogEntry.Action.CLAIMED, PoolLogEntry.Action.MOVED),
            log.stream().map(PoolLogEntry::action).toList());
        assertEquals("region", log.get(2).reason());
        refused(409, "pool_not_empty", () -> world.engine.delete(PoolWorld.STAFF, second.id()));
    }

    @Test
    public void closedRecordsStopCountingUnlessThePoolSaysTheyCount() {
        Pool lenient = pool(PoolMode.CLAIMABLE, new ClaimRules(null, 1, null, false, null));
        Pool strict = pool(PoolMode.CLAIMABLE, new ClaimRules(null, 1, null, true, null));
        put(lenient, "a1", "a2");
        put(strict, "b1", "b2");
        claim(alice, "a1");
        claim(alice, "b1");
        world.engine.closed(alice, PoolWorld.OBJECT, "a1");
        world.engine.closed(alice, PoolWorld.OBJECT, "b1");
        claim(alice, "a2");
        refused(409, "holding_cap_reached", () -> claim(alice, "b2"));
        world.closedRecords.add("a1");
        refused(409, "record_closed", () -> world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, "a1",
            new Move(strict.id(), null)));
        world.engine.removed(alice, PoolWorld.OBJECT, "b1");
        claim(alice, "b2");
    }

    @Test
    public void definitionsAreCheckedAndNamedOnce() {
        pool(PoolMode.CLAIMABLE, ClaimRules.NONE);
        refused(400, "unknown_field", () -> world.engine.create(PoolWorld.STAFF, new PoolInput("X", PoolWorld.OBJECT,
            null, false, List.of(), List.of(), List.of("secret"), null)));
        refused(400, "invalid_number", () -> world.engine.create(PoolWorld.STAFF, new PoolInput("X", PoolWorld.OBJECT,
            null, false, List.of(), List.of(), List.of(), new ClaimRules(0, null, null, false, null))));
        refused(400, "unknown_object", () -> world.engine.create(PoolWorld.STAFF, new PoolInput("X", "nothing",
            null, false, List.of(), List.of(), List.of(), null)));
        world.engine.create(PoolWorld.STAFF, new PoolInput("East", PoolWorld.OBJECT, null, true, List.of(), List.of(),
            List.of(), null));
        refused(409, "duplicate_name", () -> world.engine.create(PoolWorld.STAFF, new PoolInput(" east ",
            PoolWorld.OBJECT, null, false, List.of(), List.of(), List.of(), null)));
        refused(409, "redistribution_taken", () -> world.engine.create(PoolWorld.STAFF, new PoolInput("West",
            PoolWorld.OBJECT, null, true, List.of(), List.of(), List.of(), null)));
        refused(403, "forbidden", () -> world.engine.create(alice, new PoolInput("Mine", PoolWorld.OBJECT, null, false,
            List.of(), List.of(), List.of(), null)));
    }

    @Test
    public void aPoolsAdminTakesARecordOnlyOutOfAPoolItAdministersToo() {
        CallContext both = world.employee("admin-of-both");
        CallContext target = world.employee("admin-of-target");
        Pool from = world.engine.create(PoolWorld.STAFF, new PoolInput("From", PoolWorld.OBJECT, PoolMode.CLAIMABLE,
            false, List.of(), List.of(both.userId()), List.of(), null));
        Pool to = world.engine.create(PoolWorld.STAFF, new PoolInput("To", PoolWorld.OBJECT, PoolMode.CLAIMABLE,
            false, List.of(), List.of(both.userId(), target.userId()), List.of(), null));
        put(from, "r1");
        refused(403, "forbidden", () -> world.engine.put(target, PoolWorld.OBJECT, "r1", new Move(to.id(), "mine now")));
        assertEquals(from.id(), world.engine.where(PoolWorld.STAFF, PoolWorld.OBJECT, "r1").orElseThrow().poolId());
        world.engine.put(both, PoolWorld.OBJECT, "r1", new Move(to.id(), "rebalanced"));
        assertEquals(to.id(), world.engine.where(PoolWorld.STAFF, PoolWorld.OBJECT, "r1").orElseThrow().poolId());
    }

    @Test
    public void definitionsThatCannotBeKeptAreRefusedAndAnOmittedClosedCountIsFalse() {
        refused(400, "unknown_field", () -> world.engine.create(PoolWorld.STAFF, new PoolInput("Nulls", PoolWorld.OBJECT,
            PoolMode.CLAIMABLE, false, List.of(), List.of(), java.util.Arrays.asList((String) null), null)));
        refused(400, "invalid_number", () -> pool(PoolMode.CLAIMABLE,
            new ClaimRules(null, null, null, false, PoolServiceImpl.MAX_COOLDOWN_HOURS + 1)));
        Pool pool = pool(PoolMode.CLAIMABLE, ClaimRules.NONE);
        Pool updated = world.engine.update(PoolWorld.STAFF, pool.id(), new PoolInput(pool.name(), PoolWorld.OBJECT,
            PoolMode.CLAIMABLE, false, List.of(), List.of(), List.of(), new ClaimRules(null, 2, null, null, null)));
        assertEquals(Boolean.FALSE, updated.rules().closedCount());
        assertEquals(Integer.valueOf(2), updated.rules().userHoldingCap());
    }
}
