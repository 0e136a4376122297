package org.openpartner.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.Test;

/**
 * The multi-level channel (SPEC S11, issue 4): an upstream builds a partner hierarchy over REST and the console;
 * the users of a parent partner's company then reach the records owned within its descendants, as far as the
 * hierarchy reaches and no further, unless a record hides from its parents; re-parenting moves that at once.
 */
public class HierarchyIT extends OpenPartnerTestSupport {

    private record Company(String partnerId, String companyId, String dealer) {
    }

    private static Company connect(Http http, Tenant upstream, String name) {
        String mobile = newMobile();
        JsonNode connected = connectNew(http, upstream, name + " " + upstream.suffix(), mobile);
        String dealer = dealerToken(http, upstream, mobile,
            connected.get("connectors").get(0).get("initialPassword").asText(), "pw-" + upstream.suffix());
        return new Company(connected.get("connection").get("partnerId").asText(),
            connected.get("connection").get("companyId").asText(), dealer);
    }

    private static JsonNode setParent(Http http, Tenant upstream, Company child, Company parent) {
        Http.Response moved = http.put("/partners/" + child.partnerId() + "/parent", upstream.adminToken(),
            Map.of("parentPartnerId", parent.partnerId()));
        assertStatus(200, null, moved);
        return moved.json();
    }

    private static List<String> nodeNames(JsonNode nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(n -> names.add(n.get("partner").get("name").asText() + "@" + n.get("level").asInt()));
        return names;
    }

    @Test
    public void parentPartnersReachTheirDescendantsRecordsUnlessHiddenAndReParentingMovesThat() {
        Http http = api();
        withWidgets(http, () -> {
            Tenant upstream = newChannel(http);
            String admin = upstream.adminToken();
            String s = " " + upstream.suffix();
            Company alpha = connect(http, upstream, "Alpha");
            Company bravo = connect(http, upstream, "Bravo");
            Company charlie = connect(http, upstream, "Charlie");
            Company delta = connect(http, upstream, "Delta");
            String charlieWidget = createWidget(http, charlie.dealer(), "Charlie widget", 5);
            String hiddenWidget = createWidget(http, charlie.dealer(), "Charlie private widget", 6);
            createWidget(http, bravo.dealer(), "Bravo widget", 7);

            // Alpha > Bravo > Charlie; Delta stands alone.
            setParent(http, upstream, bravo, alpha);
            JsonNode charlieTree = setParent(http, upstream, charlie, bravo);
            assertEquals(List.of("Alpha" + s + "@1", "Bravo" + s + "@2"), nodeNames(charlieTree.get("ancestors")));
            assertEquals(3, charlieTree.get("partner").get("level").asInt());
            JsonNode bravoDetail = http.get("/partners/" + bravo.partnerId() + "/hierarchy", admin).json();
            assertEquals(List.of("Alpha" + s + "@1"), nodeNames(bravoDetail.get("ancestors")));
            assertEquals(List.of("Charlie" + s + "@3"), nodeNames(bravoDetail.get("descendants")));
            assertEquals(bravo.partnerId(), http.get("/partners/" + charlie.partnerId(), admin).json()
                .get("parentPartnerId").asText());

            // Private scope everywhere: each level reaches what is owned below it, never above or beside it.
            assertEquals(List.of("Bravo" + s, "Charlie" + s), partnerNames(http, alpha.dealer()));
            assertEquals(List.of("Charlie" + s), partnerNames(http, bravo.dealer()));
            assertEquals(List.of(), partnerNames(http, charlie.dealer()));
            assertEquals(List.of(), partnerNames(http, delta.dealer()));
            assertEquals(List.of("Bravo widget", "Charlie private widget", "Charlie widget"), sorted(widgetNames(http, alpha.dealer())));
            assertEquals(List.of("Charlie private widget", "Charlie widget"), sorted(widgetNames(http, charlie.dealer())));
            assertStatus(404, null, http.get("/test-widgets/" + charlieWidget, delta.dealer()));
            assertStatus(404, null, http.get("/partners/" + charlie.partnerId() + "/hierarchy", delta.dealer()));
            // The dealer's view of the hierarchy is what it may read: below it, not the partners above it.
            JsonNode fromBravo = http.get("/partners/" + charlie.partnerId() + "/hierarchy", bravo.dealer()).json();
            assertEquals(List.of(), nodeNames(fromBravo.get("ancestors")));

            // Parents read by default; the tenant may let them change their descendants' records.
            assertStatus(403, "record_read_only", http.put("/test-widgets/" + charlieWidget, alpha.dealer(),
                Map.of("name", "Taken over")));
            JsonNode explained = http.get("/access/explain?user=" + userId(http, alpha.dealer())
                + "&object=test-widget&record=" + charlieWidget, admin).json();
            assertTrue(explained.toString(), explained.get("read").get("allowed").asBoolean());
            assertTrue(explained.toString(), !explained.get("write").get("allowed").asBoolean());
            assertTrue(explained.toString(), explained.toString().contains("hierarchy grant"));
            assertStatus(200, null, http.put("/hierarchy/settings", admin, Map.of("parentAccess", "WRITE")));
            assertStatus(200, null, http.put("/test-widgets/" + charlieWidget, alpha.dealer(), Map.of("name", "Charlie widget")));

            // The owner's company hides a record from its parents; the upstream always sees it; others may not switch it.
            String hide = "/records/test-widget/" + hiddenWidget + "/hidden-from-parents";
            assertStatus(403, "not_owner_company", http.put(hide, alpha.dealer(), Map.of("hidden", true)));
            assertStatus(400, "required", http.put(hide, charlie.dealer(), Map.of("hidden", "yes")));
            assertStatus(200, null, http.put(hide, charlie.dealer(), Map.of("hidden", true)));
            assertTrue(http.get(hide, charlie.dealer()).json().get("hidden").asBoolean());
            assertStatus(404, null, http.get("/test-widgets/" + hiddenWidget, alpha.dealer()));
            assertStatus(404, null, http.get("/test-widgets/" + hiddenWidget, bravo.dealer()));
            assertStatus(200, null, http.get("/test-widgets/" + hiddenWidget, charlie.dealer()));
            assertStatus(200, null, http.get("/test-widgets/" + hiddenWidget, admin));

            // Charlie moves under Delta: Alpha and Bravo lose it, Delta gains it, in the next answer.
            JsonNode moved = setParent(http, upstream, charlie, delta);
            assertEquals(List.of("Delta" + s + "@1"), nodeNames(moved.get("ancestors")));
            assertEquals(List.of("Bravo" + s), partnerNames(http, alpha.dealer()));
            assertEquals(List.of(), partnerNames(http, bravo.dealer()));
            assertEquals(List.of("Charlie" + s), partnerNames(http, delta.dealer()));
            assertEquals(List.of("Charlie widget"), widgetNames(http, delta.dealer()));
            assertStatus(404, null, http.get("/test-widgets/" + charlieWidget, alpha.dealer()));
            JsonNode trees = http.get("/hierarchy/tree", admin).json();
            assertEquals(2, trees.size());
            assertEquals("Alpha" + s, trees.get(0).get("partner").get("name").asText());
            assertEquals("Bravo" + s, trees.get(0).get("children").get(0).get("partner").get("name").asText());
            assertEquals("Charlie" + s, trees.get(1).get("children").get(0).get("partner").get("name").asText());

            // Refusals: a cycle, a tree beyond the depth limit, a limit below the tree, a foreign or missing parent.
            Http.Response cycle = http.put("/partners/" + alpha.partnerId() + "/parent", admin,
                Map.of("parentPartnerId", bravo.partnerId()));
            assertStatus(422, "hierarchy_cycle", cycle);
            assertEquals("parentPartnerId", cycle.json().get("field").asText());
            assertStatus(200, null, http.put("/hierarchy/settings", admin, Map.of("maxLevels", 2, "parentAccess", "WRITE")));
            assertStatus(422, "hierarchy_too_deep", http.put("/partners/" + delta.partnerId() + "/parent", admin,
                Map.of("parentPartnerId", bravo.partnerId())));
            assertStatus(422, "hierarchy_too_deep", http.put("/hierarchy/settings", admin, Map.of("maxLevels", 1,
                "parentAccess", "WRITE")));
            assertStatus(400, "required", http.put("/hierarchy/settings", admin, Map.of("maxLevels", 3)));
            // A role that hides the parent partner reads no hierarchy: its ancestors and nesting would tell it.
            String partnerPermissions = "/access/roles/dealer-personnel/permissions/partner";
            assertStatus(200, null, http.put(partnerPermissions, admin,
                Map.of("fields", Map.of("parentPartnerId", "HIDDEN"))));
            assertStatus(403, "field_hidden", http.get("/partners/" + charlie.partnerId() + "/hierarchy",
                charlie.dealer()));
            assertStatus(403, "field_hidden", http.get("/hierarchy/tree", charlie.dealer()));
            assertStatus(200, null, http.put(partnerPermissions, admin,
                Map.of("fields", Map.of("parentPartnerId", "READ_WRITE"))));
            assertStatus(200, null, http.get("/hierarchy/tree", charlie.dealer()));
            Tenant other = newChannel(http);
            Company foreign = connect(http, other, "Foreign");
            assertStatus(400, "unknown_partner", http.put("/partners/" + delta.partnerId() + "/parent", admin,
                Map.of("parentPartnerId", foreign.partnerId())));
            assertStatus(404, null, http.put("/partners/" + foreign.partnerId() + "/parent", admin,
                Map.of("parentPartnerId", delta.partnerId())));
            assertStatus(404, null, http.get("/partners/" + foreign.partnerId() + "/hierarchy", admin));
            assertStatus(400, "required", http.put("/partners/" + delta.partnerId() + "/parent", admin, Map.of()));
            assertStatus(403, null, http.put("/partners/" + delta.partnerId() + "/parent", alpha.dealer(),
                Map.of("parentPartnerId", alpha.partnerId())));
            // A parent with children is not deleted out from under them.
            String echo = http.post("/partners", admin, Map.of("name", "Echo" + s)).json().get("id").asText();
            assertStatus(200, null, http.put("/partners/" + charlie.partnerId() + "/parent", admin,
                Map.of("parentPartnerId", echo)));
            assertStatus(409, "has_child_partners", http.delete("/partners/" + echo, admin));
            assertStatus(200, null, http.delete("/partners/" + charlie.partnerId() + "/parent", admin));
            assertStatus(204, null, http.delete("/partners/" + echo, admin));
            assertEquals(List.of(), nodeNames(http.get("/partners/" + charlie.partnerId() + "/hierarchy", admin).json()
                .get("ancestors")));
        });
    }

    /**
     * A partner placed in a tree before it is connected has no company in the tree's links yet. When it connects,
     * the partner.connected event (relayed through the outbox to PartnerCompanySync) fills its company in, and the
     * parent's dealers reach its records; when the connection ends, partner.disconnected takes that away again.
     */
    @Test
    public void aPartnerPlacedBeforeItConnectsIsReachedByItsParentOnceConnectedAndNotOnceEnded() {
        Http http = api();
        withWidgets(http, () -> {
            Tenant upstream = newChannel(http);
            String admin = upstream.adminToken();
            String s = " " + upstream.suffix();
            Company foxtrot = connect(http, upstream, "Foxtrot");
            Http.Response created = http.post("/partners", admin, Map.of("name", "Golf" + s, "type", "dealer"));
            assertStatus(201, null, created);
            String golf = created.json().get("id").asText();
            assertStatus(200, null, http.put("/partners/" + golf + "/parent", admin,
                Map.of("parentPartnerId", foxtrot.partnerId())));
            assertEquals(List.of(), partnerNames(http, foxtrot.dealer()));

            String mobile = newMobile();
            assertStatus(201, null, http.post("/partners/" + golf + "/contacts", admin, contact("Gina Golf", mobile, true)));
            Http.Response connected = http.post("/connections", admin, Map.of("partnerId", golf));
            assertStatus(201, null, connected);
            String gina = dealerToken(http, upstream, mobile,
                connected.json().get("connectors").get(0).get("initialPassword").asText(), "pw-" + upstream.suffix());
            createWidget(http, gina, "Golf widget", 3);
            Awaitility.await("the parent reaches the newly connected child's records").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> widgetNames(http, foxtrot.dealer()).equals(List.of("Golf widget")));
            assertEquals(List.of("Golf" + s), partnerNames(http, foxtrot.dealer()));

            String connection = connected.json().get("connection").get("id").asText();
            assertStatus(200, null, http.post("/connections/" + connection + "/end", admin, Map.of("reason", "test")));
            Awaitility.await("the parent no longer reaches the disconnected child's records").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200)).until(() -> widgetNames(http, foxtrot.dealer()).isEmpty());
            assertEquals(List.of(), partnerNames(http, foxtrot.dealer()));
            // The tree itself stays: the upstream still sees Golf below Foxtrot.
            assertEquals(List.of("Foxtrot" + s + "@1"), nodeNames(http.get("/partners/" + golf + "/hierarchy", admin).json()
                .get("ancestors")));
        });
    }

    @Test
    public void theConsoleShowsAndChangesTheHierarchy() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String s = " " + upstream.suffix();
        String top = http.post("/partners", upstream.adminToken(), Map.of("name", "Top" + s)).json().get("id").asText();
        String mid = http.post("/partners", upstream.adminToken(), Map.of("name", "Mid" + s)).json().get("id").asText();
        String low = http.post("/partners", upstream.adminToken(), Map.of("name", "Low" + s)).json().get("id").asText();
        String t = " --tenant " + upstream.id() + " ";

        assertTrue(console("hierarchy:parent" + t + mid + " " + top).requireSuccess().output().contains("level 2"));
        assertTrue(console("hierarchy:parent" + t + low + " " + mid).requireSuccess().output().contains("level 3"));
        String tree = console("hierarchy:tree" + t).requireSuccess().output();
        assertTrue(tree, tree.contains("Top" + s) && tree.contains("  Mid" + s) && tree.contains("    Low" + s));
        String shown = console("hierarchy:show" + t + mid).requireSuccess().output();
        assertTrue(shown, shown.contains("ancestor") && shown.contains("descendant") && shown.contains("Low" + s));
        ConsoleResult cycle = console("hierarchy:parent" + t + top + " " + low);
        assertTrue(String.valueOf(cycle.error()), cycle.error() != null && cycle.error().contains("cycle"));
        assertTrue(console("hierarchy:settings" + t + "--max-levels 3 --parent-access WRITE").requireSuccess().output()
            .contains("Parent access: WRITE"));
        ConsoleResult tooDeep = console("hierarchy:settings" + t + "--max-levels 2");
        assertTrue(String.valueOf(tooDeep.error()), tooDeep.error() != null && tooDeep.error().contains("3 levels"));
        assertTrue(console("hierarchy:parent" + t + "--clear " + low).requireSuccess().output().contains("without a parent"));
        assertEquals(0, http.get("/partners/" + mid + "/hierarchy", upstream.adminToken()).json().get("descendants").size());
        assertTrue(console("access:hide-from-parents" + t + "--hide partner " + low).requireSuccess().output()
            .contains("Hidden from parent partners"));
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }
}
