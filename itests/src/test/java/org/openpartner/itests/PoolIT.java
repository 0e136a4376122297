package org.openpartner.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;

/**
 * Pools (SPEC S6) through REST and the console: the upstream pools leads, dealers claim, follow up and return them
 * within the pool's limits, the upstream assigns and reads each lead's pool log, and dealers submit their own leads;
 * the upstream's distribution rules hand incoming leads out and explain why.
 */
public class PoolIT extends OpenPartnerTestSupport {

    private static List<String> names(Http http, String path, String token) {
        Http.Response page = http.get(path, token);
        assertStatus(200, null, page);
        List<String> names = new ArrayList<>();
        page.json().get("items").forEach(lead -> names.add(lead.path("name").asText("(hidden)")));
        return names;
    }

    private static String lead(Http http, String token, String name, String mobile) {
        Http.Response created = http.post("/leads", token, Map.of("name", name, "mobile", mobile, "region", "West"));
        assertStatus(201, null, created);
        return created.json().get("id").asText();
    }

    @Test
    public void dealersClaimFollowUpAndReturnPooledLeadsWithinThePoolsLimits() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String admin = upstream.adminToken();
        String[] mobilesA = {newMobile(), newMobile()};
        String mobileB = newMobile();
        JsonNode a = connectNew(http, upstream, "Alpha " + upstream.suffix(), mobilesA);
        List<String> alpha = dealersOf(http, upstream, a, mobilesA);
        String bravo = dealersOf(http, upstream, connectNew(http, upstream, "Bravo " + upstream.suffix(), mobileB),
            mobileB).get(0);
        String alpha1 = userId(http, alpha.get(1));

        // The pool: every dealer may claim one lead at a time; mobiles stay hidden until claimed.
        assertStatus(400, "unknown_field", http.post("/pools", admin, Map.of("name", "West", "object", "lead",
            "hiddenUntilClaimed", List.of("secret"))));
        assertStatus(403, null, http.post("/pools", alpha.get(0), Map.of("name", "Mine", "object", "lead")));
        Http.Response created = http.post("/pools", admin, Map.of("name", "West", "object", "lead",
            "members", List.of(Map.of("kind", "ROLE", "id", "dealer-personnel")),
            "hiddenUntilClaimed", List.of("mobile"), "rules", Map.of("userHoldingCap", 1, "dailyClaimLimit", 5)));
        assertStatus(201, null, created);
        String pool = created.json().get("id").asText();
        String first = lead(http, admin, "First buyer", "+14155550111");
        String second = lead(http, admin, "Second buyer", "+14155550112");
        String third = lead(http, admin, "Third buyer", "+14155550113");
        for (String id : List.of(first, second, third)) {
            assertStatus(200, null, http.put("/pooled/lead/" + id, admin, Map.of("poolId", pool, "reason", "trade show")));
        }

        // Members see the waiting leads, without their mobiles; the upstream sees everything.
        assertEquals(List.of("Third buyer", "Second buyer", "First buyer"), names(http, "/leads?pool=" + pool, bravo));
        JsonNode waiting = http.get("/leads/" + first, bravo).json();
        assertEquals("UNASSIGNED", waiting.get("status").asText());
        assertFalse("hidden until claimed: " + waiting, waiting.has("mobile"));
        assertEquals("+14155550111", http.get("/leads/" + first, admin).json().get("mobile").asText());

        // Alpha's first dealer claims the first lead: it is theirs, with its mobile, and gone from the others.
        Http.Response claimed = http.post("/pooled/lead/" + first + "/claim", alpha.get(0), null);
        assertStatus(200, null, claimed);
        JsonNode mine = http.get("/leads/" + first, alpha.get(0)).json();
        assertEquals("ASSIGNED", mine.get("status").asText());
        assertEquals("+14155550111", mine.get("mobile").asText());
        assertEquals(pool, mine.get("poolId").asText());
        assertStatus(404, null, http.post("/pooled/lead/" + first + "/claim", bravo, null));
        assertEquals(List.of("Third buyer", "Second buyer"), names(http, "/leads?pool=" + pool + "&status=unassigned", bravo));
        // One at a time.
        assertStatus(409, "holding_cap_reached", http.post("/pooled/lead/" + second + "/claim", alpha.get(0), null));
        // Following it up, then giving it back with a reason.
        assertStatus(201, null, http.post("/leads/" + first + "/follow-ups", alpha.get(0), Map.of("kind", "CALL")));
        assertStatus(400, "required", http.post("/pooled/lead/" + first + "/return", alpha.get(0), Map.of()));
        assertStatus(409, "not_held", http.post("/pooled/lead/" + second + "/return", alpha.get(0),
            Map.of("reason", "not mine")));
        assertStatus(200, null, http.post("/pooled/lead/" + first + "/return", alpha.get(0),
            Map.of("reason", "outside our region")));
        assertEquals("UNASSIGNED", http.get("/leads/" + first, admin).json().get("status").asText());
        assertStatus(200, null, http.post("/pooled/lead/" + first + "/claim", bravo, null));

        // The upstream assigns the third lead to Alpha's second dealer and reads the first lead's log.
        Http.Response assigned = http.post("/pooled/lead/" + third + "/assign", admin, Map.of("userId", alpha1,
            "reason", "key account"));
        assertStatus(200, null, assigned);
        assertEquals(alpha1, http.get("/leads/" + third, alpha.get(1)).json().get("ownerUserId").asText());
        List<String> log = new ArrayList<>();
        http.get("/pooled/lead/" + first + "/history", admin).json().forEach(e -> log.add(e.get("action").asText()
            + (e.has("reason") ? " (" + e.get("reason").asText() + ")" : "")));
        assertEquals(List.of("ENTERED (trade show)", "CLAIMED", "RETURNED (outside our region)", "CLAIMED"), log);
        assertStatus(403, null, http.get("/pooled/lead/" + first + "/history", bravo));
        JsonNode where = http.get("/pooled/lead/" + first, bravo).json();
        assertEquals("HELD", where.get("state").asText());
        assertTrue(adminCommand("pool:list --tenant " + upstream.id()).contains("West"));
        assertTrue(adminCommand("pool:show --tenant " + upstream.id() + " " + pool).contains("1 held/user"));

        // A dealer hands its own lead to the upstream once there is a redistribution pool, and no longer sees it.
        String own = lead(http, alpha.get(0), "Own buyer", "+14155550114");
        assertStatus(409, "no_redistribution_pool", http.post("/pooled/lead/" + own + "/submit", alpha.get(0),
            Map.of("reason", "too far")));
        Http.Response redistribution = http.post("/pools", admin, Map.of("name", "Submitted", "object", "lead",
            "redistribution", true));
        assertStatus(201, null, redistribution);
        assertStatus(200, null, http.post("/pooled/lead/" + own + "/submit", alpha.get(0), Map.of("reason", "too far")));
        assertStatus(404, null, http.get("/leads/" + own, alpha.get(0)));
        assertEquals(redistribution.json().get("id").asText(), http.get("/leads/" + own, admin).json().get("poolId").asText());
        assertStatus(409, "pool_not_empty", http.delete("/pools/" + pool, admin));
    }

    @Test
    public void aPoolsRightsHoldForItsAdminsItsAppAndTheFieldsARoleHides() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String admin = upstream.adminToken();
        String mobile = newMobile();
        JsonNode connected = connectNew(http, upstream, "Echo " + upstream.suffix(), mobile);
        String connection = connected.get("connection").get("id").asText();
        String dealer = dealersOf(http, upstream, connected, mobile).get(0);
        // Employees without the channel manager's rights: one administers the pool, the other is one of its members.
        Employee keeper = newEmployee(http, upstream);
        Employee member = newEmployee(http, upstream);

        // Definitions that cannot be kept are refused, not failed on.
        assertStatus(400, "unknown_field", http.post("/pools", admin, Map.of("name", "N", "object", "lead",
            "hiddenUntilClaimed", java.util.Arrays.asList((Object) null))));
        assertStatus(400, "invalid_number", http.post("/pools", admin, Map.of("name", "N", "object", "lead",
            "rules", Map.of("cooldownHours", Integer.MAX_VALUE))));
        Map<String, Object> definition = Map.of("name", "Kept", "object", "lead", "members", List.of(
            Map.of("kind", "ROLE", "id", "dealer-personnel"), Map.of("kind", "USER", "id", member.id())),
            "admins", List.of(keeper.id()), "hiddenUntilClaimed", List.of("mobile"));
        Http.Response created = http.post("/pools", admin, definition);
        assertStatus(201, null, created);
        String pool = created.json().get("id").asText();
        Map<String, Object> withRules = new java.util.HashMap<>(definition);
        withRules.put("rules", Map.of("userHoldingCap", 2));
        assertStatus(200, null, http.put("/pools/" + pool, admin, withRules));
        Http.Response other = http.post("/pools", admin, Map.of("name", "Other", "object", "lead",
            "admins", List.of(member.id())));
        assertStatus(201, null, other);
        String waiting = lead(http, admin, "Waiting buyer", "+14155550130");
        assertStatus(200, null, http.put("/pooled/lead/" + waiting, admin, Map.of("poolId", pool)));

        // The pool's admin reads its waiting lead whole, and its movements; a member reads it masked and may not take
        // it into a pool of its own, which would take it from the pool it waits in.
        assertEquals("+14155550130", http.get("/leads/" + waiting, keeper.token()).json().get("mobile").asText());
        assertStatus(200, null, http.get("/pooled/lead/" + waiting + "/history", keeper.token()));
        assertFalse(http.get("/leads/" + waiting, member.token()).json().has("mobile"));
        assertStatus(403, null, http.put("/pooled/lead/" + waiting, member.token(),
            Map.of("poolId", other.json().get("id").asText())));
        assertEquals(pool, http.get("/leads/" + waiting, admin).json().get("poolId").asText());
        // A waiting lead is converted by no one before it is claimed or assigned.
        assertStatus(409, "lead_waiting", http.post("/leads/" + waiting + "/convert", admin, Map.of()));

        // Without the SharePartner app the dealer works with no leads, pooled or not.
        assertEquals(200, http.delete("/connections/" + connection + "/apps/share-partner", admin).status());
        assertStatus(403, "app_not_enabled", http.post("/pooled/lead/" + waiting + "/claim", dealer, null));
        assertEquals(0, http.get("/pools", dealer).json().size());
        assertEquals(200, http.put("/connections/" + connection + "/apps/share-partner", admin, null).status());

        // The pool's answer about a record leaves out what the caller's roles hide of the record: here its owner.
        assertStatus(200, null, http.put("/access/roles/dealer-personnel/permissions/lead", admin,
            Map.of("fields", Map.of("ownerUserId", "HIDDEN"))));
        assertStatus(200, null, http.post("/pooled/lead/" + waiting + "/claim", dealer, null));
        JsonNode where = http.get("/pooled/lead/" + waiting, dealer).json();
        assertEquals(pool, where.get("poolId").asText());
        assertFalse(where.toString(), where.has("holderUserId"));
        assertEquals(userId(http, dealer), http.get("/pooled/lead/" + waiting, admin).json().get("holderUserId").asText());

        // A follow-up dated before any plausible one is refused, not failed on.
        assertStatus(400, "too_early", http.post("/leads/" + waiting + "/follow-ups", dealer,
            Map.of("kind", "CALL", "at", "1800-01-01T00:00:00Z")));

        // A holder whose company loses the app still gives back what it holds (it would stay held, under its caps).
        assertEquals(200, http.delete("/connections/" + connection + "/apps/share-partner", admin).status());
        assertStatus(403, "app_not_enabled", http.get("/leads/" + waiting, dealer));
        assertStatus(200, null, http.post("/pooled/lead/" + waiting + "/return", dealer, Map.of("reason", "app gone")));
        assertEquals("UNASSIGNED", http.get("/leads/" + waiting, admin).json().get("status").asText());
    }

    private static String put(Http http, String admin, String pool, String name, String region, String source) {
        Http.Response created = http.post("/leads", admin, Map.of("name", name, "mobile", "+14155550120",
            "region", region, "source", source));
        assertStatus(201, null, created);
        String id = created.json().get("id").asText();
        assertStatus(200, null, http.put("/pooled/lead/" + id, admin, Map.of("poolId", pool)));
        return id;
    }

    /** Alpha and Bravo, two connected companies with one dealer each: their company ids, Bravo's partner, tokens. */
    record TwoDealers(String companyA, String companyB, String partnerB, String alpha, String bravo) {
    }

    private TwoDealers twoDealers(Http http, Tenant upstream) {
        String mobileA = newMobile();
        String mobileB = newMobile();
        JsonNode a = connectNew(http, upstream, "Alpha " + upstream.suffix(), mobileA);
        JsonNode b = connectNew(http, upstream, "Bravo " + upstream.suffix(), mobileB);
        return new TwoDealers(a.get("connection").get("companyId").asText(),
            b.get("connection").get("companyId").asText(), b.get("connection").get("partnerId").asText(),
            dealersOf(http, upstream, a, mobileA).get(0), dealersOf(http, upstream, b, mobileB).get(0));
    }

    @Test
    public void theUpstreamsRulesHandIncomingLeadsOutAndSayWhy() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String admin = upstream.adminToken();
        TwoDealers dealers = twoDealers(http, upstream);
        String alpha = dealers.alpha();
        String bravo = dealers.bravo();
        String companyA = dealers.companyA();
        String companyB = dealers.companyB();
        // Bravo covers the East.
        assertStatus(200, null, http.put("/partners/" + dealers.partnerB(), admin,
            Map.of("name", "Bravo " + upstream.suffix(), "type", "dealer", "region", "East")));
        Http.Response created = http.post("/pools", admin, Map.of("name", "Incoming", "object", "lead",
            "members", List.of(Map.of("kind", "ROLE", "id", "dealer-personnel")), "hiddenUntilClaimed", List.of("mobile")));
        assertStatus(201, null, created);
        String pool = created.json().get("id").asText();
        List<Map<String, Object>> targets = List.of(Map.of("kind", "COMPANY", "id", companyA),
            Map.of("kind", "COMPANY", "id", companyB));

        // Rules name fields of the object and members of the channel; the first that matches decides.
        assertStatus(400, "unknown_field", http.put("/pools/" + pool + "/rules", admin, List.of(Map.of("name", "x",
            "strategy", "ROUND_ROBIN", "targets", targets, "conditions", List.of(Map.of("field", "colour",
                "operator", "IN", "values", List.of("red")))))));
        assertStatus(400, "unknown_member", http.put("/pools/" + pool + "/rules", admin, List.of(Map.of("name", "x",
            "strategy", "ROUND_ROBIN", "targets", List.of(Map.of("kind", "COMPANY", "id", "no-such-company"))))));
        Http.Response rules = http.put("/pools/" + pool + "/rules", admin, List.of(
            Map.of("name", "East by territory", "strategy", "TERRITORY", "targets", targets,
                "conditions", List.of(Map.of("field", "region", "operator", "IN", "values", List.of("East"))),
                "territory", Map.of("recordField", "region", "partnerField", "region")),
            Map.of("name", "Web leads in turn", "strategy", "ROUND_ROBIN", "targets", targets,
                "conditions", List.of(Map.of("field", "source", "operator", "IN", "values", List.of("web"))))));
        assertStatus(200, null, rules);
        assertEquals(2, rules.json().size());
        assertStatus(403, null, http.get("/pools/" + pool + "/rules", alpha));
        assertStatus(403, null, http.put("/pools/" + pool + "/rules", alpha, List.of()));

        String east = put(http, admin, pool, "Eastern buyer", "East", "web");
        String west1 = put(http, admin, pool, "Western buyer 1", "West", "web");
        String west2 = put(http, admin, pool, "Western buyer 2", "West", "web");
        String phoned = put(http, admin, pool, "Phoned buyer", "West", "phone");

        // Handed out: the holder sees the lead as its own, mobile included; the others do not see it at all.
        JsonNode bravosLead = http.get("/leads/" + east, bravo).json();
        assertEquals("ASSIGNED", bravosLead.get("status").asText());
        assertEquals("+14155550120", bravosLead.get("mobile").asText());
        assertStatus(404, null, http.get("/leads/" + east, alpha));
        assertEquals(userId(http, alpha), http.get("/leads/" + west1, admin).json().get("ownerUserId").asText());
        assertEquals(userId(http, bravo), http.get("/leads/" + west2, admin).json().get("ownerUserId").asText());
        assertEquals("UNASSIGNED", http.get("/leads/" + phoned, admin).json().get("status").asText());

        // Explain: which rule, what each target looked like, the choice.
        JsonNode why = http.get("/pooled/lead/" + east + "/explain", admin).json();
        assertEquals("ASSIGNED", why.get("outcome").asText());
        assertEquals("East by territory", why.get("ruleName").asText());
        assertEquals("no territory", why.get("weighed").get(0).get("skipped").asText());
        assertEquals("East", why.get("weighed").get(1).get("territory").asText());
        assertTrue(why.get("weighed").get(1).get("chosen").asBoolean());
        JsonNode left = http.get("/pooled/lead/" + phoned + "/explain", admin).json();
        assertEquals("WAITING", left.get("outcome").asText());
        assertEquals(2, left.get("unmatched").size());
        assertEquals("source is one of [web]", left.get("unmatched").get(1).get("failedCondition").asText());
        assertStatus(403, null, http.get("/pooled/lead/" + east + "/explain", bravo));
        assertStatus(404, null, http.get("/pooled/lead/" + west1 + "/explain", bravo));
        List<String> log = new ArrayList<>();
        http.get("/pooled/lead/" + west2 + "/history", admin).json().forEach(e -> log.add(e.get("action").asText()
            + (e.has("reason") ? " (" + e.get("reason").asText() + ")" : "")));
        assertEquals(List.of("ENTERED", "ASSIGNED (distribution rule 'Web leads in turn')"), log);

        // In bulk: each record answered on its own.
        Http.Response bulk = http.post("/pools/" + pool + "/assign", admin, Map.of("recordIds",
            List.of(phoned, "no-such-lead"), "userId", userId(http, alpha), "reason", "called back"));
        assertStatus(200, null, bulk);
        assertEquals("HELD", bulk.json().get(0).get("record").get("state").asText());
        assertEquals("not_found", bulk.json().get(1).get("code").asText());
        assertStatus(403, null, http.post("/pools/" + pool + "/move", alpha, Map.of("recordIds", List.of(phoned),
            "poolId", pool)));

        // Recycle rules: shown on the pool; nothing is due yet, on demand or from the console.
        Http.Response recycling = http.put("/pools/" + pool, admin, Map.of("name", "Incoming", "members",
            List.of(Map.of("kind", "ROLE", "id", "dealer-personnel")), "hiddenUntilClaimed", List.of("mobile"),
            "recycle", Map.of("noFollowUpDays", 7, "notClosedDays", 30)));
        assertStatus(200, null, recycling);
        assertEquals(7, recycling.json().get("recycle").get("noFollowUpDays").asInt());
        assertStatus(400, "unknown_pool", http.put("/pools/" + pool, admin, Map.of("name", "Incoming",
            "recycle", Map.of("noFollowUpDays", 7, "toPoolId", "no-such-pool"))));
        // The escalation ladder before recycling: remind the holder 3 days before, its company's admins 1 day before.
        Http.Response ladder = http.put("/pools/" + pool, admin, Map.of("name", "Incoming", "members",
            List.of(Map.of("kind", "ROLE", "id", "dealer-personnel")), "hiddenUntilClaimed", List.of("mobile"),
            "recycle", Map.of("noFollowUpDays", 7, "notClosedDays", 30, "remindDaysBefore", 3,
                "notifyAdminDaysBefore", 1)));
        assertStatus(200, null, ladder);
        assertEquals(1, ladder.json().get("recycle").get("notifyAdminDaysBefore").asInt());
        assertStatus(400, "invalid_number", http.put("/pools/" + pool, admin, Map.of("name", "Incoming",
            "recycle", Map.of("noFollowUpDays", 7, "remindDaysBefore", 7))));
        // Notices: a user's own list (nothing is due yet), another's or no notice is 404.
        assertEquals(0, http.get("/notices?unread=true", alpha).json().get("items").size());
        assertStatus(404, null, http.post("/notices/" + java.util.UUID.randomUUID() + "/read", alpha, null));
        Http.Response recycled = http.post("/pools/recycle", admin, null);
        assertStatus(200, null, recycled);
        assertEquals(0, recycled.json().size());
        assertStatus(403, null, http.post("/pools/recycle", alpha, null));
        assertTrue(adminCommand("pool:recycle-now --tenant " + upstream.id()).contains("0 recycled"));

        // The console shows the same.
        String listed = adminCommand("pool:rules --tenant " + upstream.id() + " " + pool);
        assertTrue(listed, listed.contains("1. East by territory") && listed.contains("2. Web leads in turn"));
        String explained = adminCommand("pool:explain --tenant " + upstream.id() + " lead " + west2);
        assertTrue(explained, explained.contains("Web leads in turn") && explained.contains("* company " + companyB));

        // A role as the target: each of its holders in turn (the holders come from the platform in one query).
        assertStatus(200, null, http.put("/pools/" + pool + "/rules", admin, List.of(Map.of("name", "Dealers in turn",
            "strategy", "ROUND_ROBIN", "targets", List.of(Map.of("kind", "ROLE", "id", "dealer-personnel"))))));
        java.util.Set<String> owners = new java.util.TreeSet<>();
        for (String name : List.of("Role buyer 1", "Role buyer 2")) {
            owners.add(http.get("/leads/" + put(http, admin, pool, name, "West", "phone"), admin).json()
                .get("ownerUserId").asText());
        }
        assertEquals(new java.util.TreeSet<>(List.of(userId(http, alpha), userId(http, bravo))), owners);
    }

    @Test
    public void aDealerDeclinesAHandedOutLeadAndTheRulesRouteItOnward() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String admin = upstream.adminToken();
        TwoDealers dealers = twoDealers(http, upstream);
        String alpha = dealers.alpha();
        String bravo = dealers.bravo();
        Http.Response created = http.post("/pools", admin, Map.of("name", "Routed", "object", "lead",
            "members", List.of(Map.of("kind", "ROLE", "id", "dealer-personnel"))));
        assertStatus(201, null, created);
        String pool = created.json().get("id").asText();
        assertStatus(200, null, http.put("/pools/" + pool + "/rules", admin, List.of(Map.of("name", "In turn",
            "strategy", "ROUND_ROBIN", "targets", List.of(
                Map.of("kind", "COMPANY", "id", dealers.companyA()),
                Map.of("kind", "COMPANY", "id", dealers.companyB()))))));
        String lead = put(http, admin, pool, "Far away buyer", "North", "web");

        // Handed to Alpha, not yet taken on: Alpha declines it with a reason and it goes on to Bravo.
        JsonNode handed = http.get("/pooled/lead/" + lead, alpha).json();
        assertEquals(userId(http, alpha), handed.get("holderUserId").asText());
        assertFalse(handed.toString(), handed.has("acceptedAt"));
        assertStatus(400, "required", http.post("/pooled/lead/" + lead + "/decline", alpha, Map.of()));
        // Held by another company, the lead is out of Bravo's sight.
        assertStatus(404, null, http.post("/pooled/lead/" + lead + "/accept", bravo, null));
        Http.Response declined = http.post("/pooled/lead/" + lead + "/decline", alpha, Map.of("reason", "too far"));
        assertStatus(200, null, declined);
        assertEquals(userId(http, bravo), declined.json().get("holderUserId").asText());
        assertStatus(404, null, http.get("/leads/" + lead, alpha));
        assertEquals("ASSIGNED", http.get("/leads/" + lead, bravo).json().get("status").asText());

        // Bravo takes it on; it can no longer be declined, only given back.
        Http.Response accepted = http.post("/pooled/lead/" + lead + "/accept", bravo, null);
        assertStatus(200, null, accepted);
        assertTrue(accepted.toString(), accepted.json().has("acceptedAt"));
        assertStatus(409, "already_accepted", http.post("/pooled/lead/" + lead + "/decline", bravo,
            Map.of("reason", "changed my mind")));
        List<String> log = new ArrayList<>();
        http.get("/pooled/lead/" + lead + "/history", admin).json().forEach(e -> log.add(e.get("action").asText()
            + (e.has("reason") ? " (" + e.get("reason").asText() + ")" : "")));
        assertEquals(List.of("ENTERED", "ASSIGNED (distribution rule 'In turn')", "DECLINED (too far)",
            "ASSIGNED (distribution rule 'In turn')", "ACCEPTED"), log);

        // Given back, the rules route it again and remember who declined it: Bravo's turn comes again.
        assertStatus(200, null, http.post("/pooled/lead/" + lead + "/return", bravo, Map.of("reason", "no time")));
        assertStatus(200, null, http.put("/pooled/lead/" + lead, admin, Map.of("poolId", pool, "reason", "again")));
        assertEquals(userId(http, bravo), http.get("/pooled/lead/" + lead, admin).json().get("holderUserId").asText());
        JsonNode why = http.get("/pooled/lead/" + lead + "/explain", admin).json();
        assertEquals("every active user declined the record", why.get("weighed").get(0).get("skipped").asText());
    }
}
