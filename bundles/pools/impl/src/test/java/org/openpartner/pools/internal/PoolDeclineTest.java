package org.openpartner.pools.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.pools.api.dto.ClaimRules;
import org.openpartner.pools.api.dto.Decline;
import org.openpartner.pools.api.dto.Distribution;
import org.openpartner.pools.api.dto.DistributionRule;
import org.openpartner.pools.api.dto.Move;
import org.openpartner.pools.api.dto.Pool;
import org.openpartner.pools.api.dto.PoolInput;
import org.openpartner.pools.api.dto.PoolLogEntry;
import org.openpartner.pools.api.dto.PoolMember;
import org.openpartner.pools.api.dto.PoolMode;
import org.openpartner.pools.api.dto.PooledRecord;

/**
 * Accepting and declining a record a rule handed out (SPEC S6): a declined record is routed onward and the rules
 * never hand it back to the user (or the company) that declined it; an accepted or claimed record can no longer be
 * declined; a company's administrator declines for the company.
 */
public class PoolDeclineTest {

    private PoolWorld world;
    private final Map<String, CallContext> users = new java.util.HashMap<>();
    private Pool pool;

    @Before
    public void start() {
        world = new PoolWorld("pool-decline");
        for (String company : List.of("c0", "c1")) {
            for (String user : List.of("a", "b")) {
                users.put(company + "-" + user, world.dealer(company + "-" + user, company, "dealer"));
            }
        }
        world.companyAdmins.put("c1", List.of("c1-b"));
        pool = world.engine.create(PoolWorld.STAFF, new PoolInput("Incoming", PoolWorld.OBJECT, PoolMode.CLAIMABLE,
            false, List.of(new PoolMember(PoolMember.Kind.ROLE, "dealer")), List.of(), List.of(), ClaimRules.NONE));
        world.engine.replaceRules(PoolWorld.STAFF, pool.id(), List.of(new DistributionRule(null, "In turn", List.of(),
            DistributionRule.Strategy.ROUND_ROBIN, List.of(new PoolMember(PoolMember.Kind.COMPANY, "c0"),
            new PoolMember(PoolMember.Kind.COMPANY, "c1")), null)));
    }

    @After
    public void stop() {
        world.close();
    }

    private PooledRecord where(String record) {
        return world.engine.where(PoolWorld.STAFF, PoolWorld.OBJECT, record).orElseThrow();
    }

    private void refused(int status, String code, Runnable call) {
        try {
            call.run();
            fail("expected " + status + " " + code);
        } catch (ApiException e) {
            assertEquals(e.getMessage(), status, e.status());
            assertEquals(e.getMessage(), code, e.code());
        }
    }

    private PooledRecord decline(String user, String record, String reason, boolean forCompany) {
        return world.engine.decline(users.get(user), PoolWorld.OBJECT, record, new Decline(reason, forCompany));
    }

    @Test
    public void aDeclinedRecordIsRoutedOnwardAndNeverBackToWhoDeclinedIt() {
        world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, "r1", new Move(pool.id(), null));
        assertEquals("c0-a", where("r1").holderUserId());
        assertNull("handed out, not yet taken on", where("r1").acceptedAt());

        refused(400, "required", () -> decline("c0-a", "r1", " ", false));
        refused(409, "not_held", () -> decline("c0-b", "r1", "not mine", false));
        refused(409, "not_held", () -> world.engine.accept(users.get("c1-a"), PoolWorld.OBJECT, "r1"));

        // The user declines: the next company in turn gets it.
        assertEquals("c1-a", decline("c0-a", "r1", "too far", false).holderUserId());
        assertEquals("c1-a", world.placed.get("r1"));
        // Company c1's administrator declines for the company: back to c0, but not to the user who declined.
        assertEquals("c0-b", decline("c1-b", "r1", "not our territory", false).holderUserId());
        // The last one declines: nobody is left, so the record waits for members to claim.
        PooledRecord waiting = decline("c0-b", "r1", "no capacity", false);
        assertEquals(PooledRecord.State.WAITING, waiting.state());
        assertEquals("", world.placed.get("r1"));

        Distribution why = world.engine.explain(PoolWorld.STAFF, PoolWorld.OBJECT, "r1").orElseThrow();
        assertEquals(Distribution.Outcome.WAITING, why.outcome());
        assertEquals(List.of("every active user declined the record", "the company declined the record"),
            why.weighed().stream().map(Distribution.Weighed::skipped).toList());
        List<String> log = world.engine.history(PoolWorld.STAFF, PoolWorld.OBJECT, "r1").stream()
            .map(e -> e.action() + (e.action() == PoolLogEntry.Action.DECLINED ? " " + e.holderUserId() + " ("
                + e.reason() + ")" : "")).toList();
        assertEquals(List.of("ENTERED", "ASSIGNED", "DECLINED c0-a (too far)", "ASSIGNED",
            "DECLINED c1-a (not our territory)", "ASSIGNED", "DECLINED c0-b (no capacity)"), log);

        // The declines belong to that record: another one is handed out as usual and taken on.
        world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, "r2", new Move(pool.id(), null));
        String holder = where("r2").holderUserId();
        assertNotNull(holder);
        PooledRecord accepted = world.engine.accept(users.get(holder), PoolWorld.OBJECT, "r2");
        assertNotNull(accepted.acceptedAt());
        refused(409, "already_accepted", () -> world.engine.accept(users.get(holder), PoolWorld.OBJECT, "r2"));
        refused(409, "already_accepted", () -> decline(holder, "r2", "changed my mind", false));

        // A member may still claim the declined record; a claim takes it on at once.
        PooledRecord claimed = world.engine.claim(users.get("c0-a"), PoolWorld.OBJECT, "r1");
        assertNotNull(claimed.acceptedAt());
        refused(409, "already_accepted", () -> decline("c0-a", "r1", "oops", false));
    }

    @Test
    public void aUserDecliningForItsCompanyKeepsTheRecordFromTheWholeCompany() {
        world.engine.put(PoolWorld.STAFF, PoolWorld.OBJECT, "r1", new Move(pool.id(), null));
        assertEquals("c1-a", decline("c0-a", "r1", "we do not serve that region", true).holderUserId());
        // c1-a declines for itself only: its colleague is next, while c0's other user stays passed over.
        assertEquals("c1-b", decline("c1-a", "r1", "busy", false).holderUserId());
        Distribution why = world.engine.explain(PoolWorld.STAFF, PoolWorld.OBJECT, "r1").orElseThrow();
        assertEquals("the company declined the record", why.weighed().get(0).skipped());
    }
}
