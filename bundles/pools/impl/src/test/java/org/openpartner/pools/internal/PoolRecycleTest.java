package org.openpartner.pools.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.pools.api.dto.ClaimRules;
import org.openpartner.pools.api.dto.Move;
import org.openpartner.pools.api.dto.Pool;
import org.openpartner.pools.api.dto.PoolInput;
import org.openpartner.pools.api.dto.PoolLogEntry;
import org.openpartner.pools.api.dto.PoolMember;
import org.openpartner.pools.api.dto.PoolMode;
import org.openpartner.pools.api.dto.PooledRecord;
import org.openpartner.pools.api.dto.RecycleRules;

/** Recycle rules on a real database with a controllable clock: what is due when, where it goes, once only. */
public class PoolRecycleTest {

    private PoolWorld world;
    private CallContext alice;

    @Before
    public void start() {
        world = new PoolWorld("pool-recycle");
        alice = world.dealer("alice", "acme", "dealer");
    }

    @After
    public void stop() {
        world.close();
    }

    private Pool pool(String name, RecycleRules recycle, ClaimRules limits) {
        return world.engine.create(PoolWorld.STAFF, new PoolInput(name, PoolWorld.OBJECT, PoolMode.CLAIMABLE, false,
            List.of(new PoolMember(PoolMember.Kind.ROLE, "dealer")), List.of(), List.of(), limits, recycle));
    }

    private void putAndClaim(Pool pool, String... records) {
        for (String record : records) {
            world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, record, new Move(pool.id(), null));
            world.engine.claim(alice, PoolWorld.OBJECT, record);
        }
    }

    private List<String> recycled() {
        return world.engine.recycleNow(PoolWorld.STAFF).stream().map(PooledRecord::recordId).sorted().toList();
    }

    @Test
    public void heldRecordsWithoutFollowUpOrNotClosedInTimeGoToTheRecyclePool() {
        Pool second = pool("Second chance", null, ClaimRules.NONE);
        Pool pool = pool("Hot", new RecycleRules(3, 10, second.id()), new ClaimRules(null, 3, null, false, null));
        assertEquals(new RecycleRules(3, 10, second.id()), pool.recycle());
        putAndClaim(pool, "idle", "busy", "kept");
        assertEquals(List.of(), recycled());

        // Day 2: "busy" and "kept" are followed up; day 3: "idle" had none since its claim.
        world.clock.advance(Duration.ofDays(2));
        world.activity.put("busy", world.clock.instant());
        world.activity.put("kept", world.clock.instant());
        world.clock.advance(Duration.ofDays(1));
        assertEquals(List.of("idle"), recycled());
        PooledRecord where = world.engine.where(PoolWorld.STAFF, PoolWorld.OBJECT, "idle").orElseThrow();
        assertEquals(second.id(), where.poolId());
        assertEquals(PooledRecord.State.WAITING, where.state());
        assertEquals("", world.placed.get("idle"));
        List<PoolLogEntry> log = world.engine.history(PoolWorld.STAFF, PoolWorld.OBJECT, "idle");
        PoolLogEntry last = log.get(log.size() - 1);
        assertEquals(PoolLogEntry.Action.RECYCLED, last.action());
        assertEquals("no follow-up in 3 days", last.reason());
        assertEquals("alice", last.holderUserId());
        assertNull(last.actorUserId());
        // Her holding went with it: the cap of three lets her claim another.
        world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, "fresh", new Move(pool.id(), null));
        world.engine.claim(alice, PoolWorld.OBJECT, "fresh");

        // Day 5: "busy" is idle since day 2; "kept" is followed up again on day 4.
        world.clock.advance(Duration.ofDays(1));
        world.activity.put("kept", world.clock.instant());
        world.clock.advance(Duration.ofDays(1));
        assertEquals(List.of("busy"), recycled());
        // Day 10: "kept" is still followed up (day 9), but not closed ten days after its claim.
        world.clock.advance(Duration.ofDays(4));
        world.activity.put("kept", world.clock.instant());
        world.clock.advance(Duration.ofDays(1));
        world.activity.put("fresh", world.clock.instant());
        assertEquals(List.of("kept"), recycled());
        assertEquals("not closed within 10 days", world.engine.history(PoolWorld.STAFF, PoolWorld.OBJECT, "kept")
            .get(2).reason());
    }

    @Test
    public void aPoolOthersRecycleIntoIsNotDeletedAndPastDailyCountersGo() {
        Pool second = pool("Second chance", null, ClaimRules.NONE);
        Pool hot = pool("Hot", new RecycleRules(3, null, second.id()), new ClaimRules(5, null, null, false, null));
        try {
            world.engine.delete(PoolWorld.STAFF, second.id());
            fail("deleted a recycle target");
        } catch (ApiException refused) {
            assertEquals("pool_in_use", refused.code());
            assertTrue(refused.getMessage(), refused.getMessage().contains("Hot"));
        }

        // Day 1: two claims count on the day's counter; day 4: that counter is gone, today's claims count anew.
        putAndClaim(hot, "d1", "d2");
        String dayOne = Counters.daily("alice", world.clock.instant());
        assertEquals(2, (int) world.tx.read(em -> Counters.value(em, hot.id(), dayOne)));
        assertEquals("the first sweep of a node keeps today's counters", 0, world.engine.purgePastDailyCounters());
        world.clock.advance(Duration.ofDays(1).plusHours(1));
        assertEquals("yesterday's stays", 0, world.engine.purgePastDailyCounters());
        world.clock.advance(Duration.ofDays(2));
        assertEquals(1, world.engine.purgePastDailyCounters());
        assertEquals("once an hour", 0, world.engine.purgePastDailyCounters());
        assertEquals(0L, (long) world.tx.read(em -> em.createQuery("select count(c) from PoolCounterEntity c where "
            + "c.counterKey = :k", Long.class).setParameter("k", dayOne).getSingleResult()));
        putAndClaim(hot, "d3");
        assertEquals(1, (int) world.tx.read(em -> Counters.value(em, hot.id(),
            Counters.daily("alice", world.clock.instant()))));
    }

    @Test
    public void withoutATargetARecycledRecordWaitsInItsOwnPool() {
        Pool pool = pool("Own", new RecycleRules(1, null, null), ClaimRules.NONE);
        putAndClaim(pool, "r1");
        world.clock.advance(Duration.ofDays(1));
        assertEquals(List.of("r1"), recycled());
        assertEquals(pool.id(), world.engine.where(PoolWorld.STAFF, PoolWorld.OBJECT, "r1").orElseThrow().poolId());
        assertEquals("alice claims it again", "alice", world.engine.claim(alice, PoolWorld.OBJECT, "r1")
            .holderUserId());
    }

    @Test
    public void twoNodesSweepingAtOnceRecycleEachRecordOnce() throws Exception {
        Pool pool = pool("Shared", new RecycleRules(1, null, null), ClaimRules.NONE);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            records.add("r" + i);
        }
        putAndClaim(pool, records.toArray(String[]::new));
        world.clock.advance(Duration.ofDays(2));
        PoolServiceImpl first = world.engine;
        PoolServiceImpl second = world.restart();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> sweeps = List.of(first::recycleDue, second::recycleDue, first::recycleDue);
        int total = 0;
        for (Future<Integer> sweep : nodes.invokeAll(sweeps)) {
            total += sweep.get(5, TimeUnit.MINUTES);
        }
        nodes.shutdown();
        assertEquals(60, total);
        for (String record : records) {
            assertEquals(record, 1, world.engine.history(PoolWorld.STAFF, PoolWorld.OBJECT, record).stream()
                .filter(e -> e.action() == PoolLogEntry.Action.RECYCLED).count());
        }
        assertEquals(0, (int) world.tx.read(em -> Counters.value(em, pool.id(), Counters.heldByUser("alice"))));
    }

    /** Sweeps as two nodes would, one after the other: each notice must still be sent once. */
    private List<String> sweepTwice() {
        List<String> recycled = new ArrayList<>(recycled());
        world.restart();
        recycled.addAll(recycled());
        return recycled;
    }

    @Test
    public void theLadderRemindsTheHolderThenNotifiesItsAdminsThenReassigns() {
        world.companyAdmins.put("acme", List.of("ada"));
        Pool pool = pool("Ladder", new RecycleRules(5, null, null, 2, 1), ClaimRules.NONE);
        assertEquals(new RecycleRules(5, null, null, 2, 1), pool.recycle());
        putAndClaim(pool, "slow", "busy");

        // Day 2: nothing due before day 5, no notice yet.
        world.clock.advance(Duration.ofDays(2));
        world.activity.put("busy", world.clock.instant());
        assertEquals(List.of(), sweepTwice());
        assertEquals(List.of(), world.notices);
        // Day 3: "slow" is due on day 5: its holder is reminded, once however many sweeps.
        world.clock.advance(Duration.ofDays(1));
        assertEquals(List.of(), sweepTwice());
        assertEquals(List.of("alice pool.recycle-reminder slow"), world.notices);
        // Day 4: her company's administrator hears of it too (and she again).
        world.clock.advance(Duration.ofDays(1));
        assertEquals(List.of(), sweepTwice());
        assertEquals(List.of("alice pool.recycle-reminder slow", "alice pool.recycle-reminder slow",
            "ada pool.recycle-escalation slow"), world.notices);
        // "busy" (followed up on day 2, due on day 7) is reminded on day 5, when "slow" is reassigned.
        world.notices.clear();
        world.clock.advance(Duration.ofDays(1));
        assertEquals(List.of("slow"), sweepTwice());
        assertEquals(List.of("alice pool.recycle-reminder busy"), world.notices);
        // A follow-up moves "busy"'s due time: the ladder starts again from the reminder.
        world.notices.clear();
        world.activity.put("busy", world.clock.instant());
        world.clock.advance(Duration.ofDays(3));
        assertEquals(List.of(), sweepTwice());
        assertEquals(List.of("alice pool.recycle-reminder busy"), world.notices);
    }

    @Test
    public void recycleRulesAreChecked() {
        Object[][] table = {
            {new RecycleRules(0, null, null), "recycle.noFollowUpDays", "invalid_number"},
            {new RecycleRules(null, -1, null), "recycle.notClosedDays", "invalid_number"},
            {new RecycleRules(null, null, "somewhere"), "recycle", "required"},
            {new RecycleRules(2, null, "no-such-pool"), "recycle.toPoolId", "unknown_pool"},
            {new RecycleRules(null, null, null, 2, null), "recycle", "required"},
            {new RecycleRules(3, 10, null, 3, null), "recycle.remindDaysBefore", "invalid_number"},
            {new RecycleRules(5, null, null, 2, 2), "recycle.notifyAdminDaysBefore", "invalid_number"},
            {new RecycleRules(5, null, null, null, 0), "recycle.notifyAdminDaysBefore", "invalid_number"},
            // Wrong days and a wrong reminder: the days are named first.
            {new RecycleRules(0, null, null, 0, null), "recycle.noFollowUpDays", "invalid_number"},
        };
        for (Object[] row : table) {
            try {
                pool("P " + System.nanoTime(), (RecycleRules) row[0], ClaimRules.NONE);
                fail("accepted " + row[0]);
            } catch (ApiException e) {
                assertEquals(e.getMessage(), row[1], e.field());
                assertEquals(e.getMessage(), row[2], e.code());
            }
        }
        try {
            world.engine.recycleNow(alice);
            fail("a dealer recycled");
        } catch (ApiException e) {
            assertEquals(403, e.status());
        }
    }
}
