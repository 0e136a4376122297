package org.openpartner.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;

/**
 * Leads (SPEC S6) through REST and the console, as dealers and their upstream work them: created, followed up,
 * marked invalid, seen exactly as the access model allows.
 */
public class LeadIT extends OpenPartnerTestSupport {

    private static List<String> leadNames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(lead -> names.add(lead.get("name").asText()));
        return names;
    }

    @Test
    public void dealersCreateAndFollowUpLeadsTheirUpstreamSees() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String admin = upstream.adminToken();
        String[] mobilesA = {newMobile(), newMobile()};
        String mobileB = newMobile();
        JsonNode a = connectNew(http, upstream, "Lima " + upstream.suffix(), mobilesA);
        List<String> alpha = dealersOf(http, upstream, a, mobilesA);
        String bravo = dealersOf(http, upstream, connectNew(http, upstream, "Kilo " + upstream.suffix(), mobileB),
            mobileB).get(0);
        String companyA = a.get("connection").get("companyId").asText();

        Http.Response created = http.post("/leads", alpha.get(0), Map.of("name", "  Acme   Corp buyer ",
            "companyName", "Acme Corp", "mobile", "+1 (415) 555-0101", "email", "buyer@acme.example",
            "source", "trade show", "region", "West", "industry", "Retail"));
        assertStatus(201, null, created);
        JsonNode lead = created.json();
        String id = lead.get("id").asText();
        assertEquals("Acme Corp buyer", lead.get("name").asText());
        assertEquals("+14155550101", lead.get("mobile").asText());
        assertEquals("ASSIGNED", lead.get("status").asText());
        assertEquals(companyA, lead.get("ownerCompanyId").asText());
        assertFalse("not followed up yet", lead.has("lastFollowUpAt"));
        http.post("/leads", alpha.get(1), Map.of("name", "Colleague's lead"));
        http.post("/leads", bravo, Map.of("name", "Kilo's lead"));

        // Private by default: each dealer its own; the upstream all of them, newest first, page by page.
        assertEquals(List.of("Acme Corp buyer"), leadNames(http.get("/leads", alpha.get(0)).json()));
        assertEquals(List.of("Kilo's lead"), leadNames(http.get("/leads", bravo).json()));
        assertStatus(404, null, http.get("/leads/" + id, bravo));
        assertStatus(404, null, http.put("/leads/" + id, bravo, Map.of("name", "Taken")));
        JsonNode first = http.get("/leads?limit=2", admin).json();
        assertEquals(List.of("Kilo's lead", "Colleague's lead"), leadNames(first));
        JsonNode second = http.get("/leads?limit=2&cursor=" + first.get("nextCursor").asText(), admin).json();
        assertEquals(List.of("Acme Corp buyer"), leadNames(second));
        assertFalse("the last page", second.has("nextCursor") && !second.get("nextCursor").isNull());
        // A company scope shows the colleague's lead too.
        assertStatus(200, null, http.put("/access/scopes/lead", admin, Map.of("scope", "COMPANY_READ_ONLY",
            "companyIds", List.of(companyA))));
        assertEquals(List.of("Colleague's lead", "Acme Corp buyer"), leadNames(http.get("/leads", alpha.get(0)).json()));

        // A follow-up sets the last follow-up time and moves the lead on.
        Http.Response call = http.post("/leads/" + id + "/follow-ups", alpha.get(0), Map.of("kind", "CALL",
            "note", "Wants a quote"));
        assertStatus(201, null, call);
        JsonNode followed = http.get("/leads/" + id, alpha.get(0)).json();
        assertEquals("FOLLOWING", followed.get("status").asText());
        assertEquals(call.json().get("at").asText(), followed.get("lastFollowUpAt").asText());
        assertEquals(1, http.get("/leads/" + id + "/follow-ups", admin).json().size());
        assertEquals(List.of("Acme Corp buyer"), leadNames(http.get("/leads?status=following", admin).json()));
        // The colleague reads (company read-only) but may not follow up.
        assertStatus(403, "record_read_only", http.post("/leads/" + id + "/follow-ups", alpha.get(1),
            Map.of("kind", "CALL")));

        // Bad input names the field and changes nothing.
        assertStatus(400, "required", http.post("/leads", alpha.get(0), Map.of("companyName", "No name")));
        assertStatus(400, "invalid_email", http.put("/leads/" + id, alpha.get(0), Map.of("email", "not-an-address")));
        assertStatus(400, "required", http.post("/leads/" + id + "/follow-ups", alpha.get(0), Map.of("kind", "NOTE")));
        assertStatus(400, "invalid_status", http.get("/leads?status=lost", admin));
        assertEquals("buyer@acme.example", http.get("/leads/" + id, admin).json().get("email").asText());

        // Clearing an optional field; marking the lead invalid closes it.
        assertFalse(http.put("/leads/" + id, alpha.get(0), Map.of("industry", "")).json().has("industry"));
        assertStatus(400, "required", http.put("/leads/" + id + "/status", alpha.get(0), Map.of("status", "INVALID")));
        JsonNode invalid = http.put("/leads/" + id + "/status", alpha.get(0), Map.of("status", "INVALID",
            "reason", "Student project, no budget")).json();
        assertEquals("INVALID", invalid.get("status").asText());
        assertStatus(409, "lead_closed", http.post("/leads/" + id + "/follow-ups", alpha.get(0), Map.of("kind", "CALL")));

        String listed = console("lead:list --tenant " + upstream.id()).requireSuccess().output();
        assertTrue(listed, listed.contains("Acme Corp buyer") && listed.contains("INVALID") && listed.contains("Kilo's lead"));
        // Deleting is the upstream's until a role is given it.
        assertStatus(403, "action_not_permitted", http.delete("/leads/" + id, alpha.get(0)));
        assertStatus(204, null, http.delete("/leads/" + id, admin));
        assertStatus(404, null, http.get("/leads/" + id, admin));
    }

    @Test
    public void leadsImportAllOrNothingAndExportWhatTheCallerMaySee() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String admin = upstream.adminToken();
        String mobile = newMobile();
        String dealer = dealersOf(http, upstream, connectNew(http, upstream, "November " + upstream.suffix(), mobile),
            mobile).get(0);
        byte[] bad = ("Name,Company,Mobile,Email\r\n"
            + "Ann,Acme,+14155550123,ann@acme.example\r\n"
            + "\"=HYPERLINK(\"\"http://evil.example\"\")\",Evil Inc,,\r\n"
            + "Cid,Cid Ltd,,not-an-address\r\n").getBytes(StandardCharsets.UTF_8);
        Http.Response rejected = http.upload("/leads/import", admin, "text/csv", bad);
        assertStatus(422, "import_rejected", rejected);
        assertEquals(4, rejected.json().get("line").asInt());
        assertEquals("email", rejected.json().get("field").asText());
        assertEquals(1, rejected.json().get("rejected").size());
        assertEquals(0, http.get("/leads", admin).json().get("items").size());

        byte[] good = new String(bad, StandardCharsets.UTF_8).replace("not-an-address", "cid@cid.example")
            .getBytes(StandardCharsets.UTF_8);
        Http.Response imported = http.upload("/leads/import", admin, "text/csv", good);
        assertStatus(201, null, imported);
        assertEquals(3, imported.json().get("imported").asInt());
        Http.Response export = http.get("/leads/export", admin, "text/csv");
        assertStatus(200, null, export);
        String[] lines = export.body().replace("\uFEFF", "").split("\r\n");
        assertTrue(lines[0], lines[0].startsWith("id,name,companyName,mobile,email,"));
        assertEquals(4, lines.length);
        assertTrue(export.body(), export.body().contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""));
        assertTrue(export.body(), export.body().contains(",+14155550123,"));

        // Dealers import and export once a role allows it, and only what their field permissions show.
        assertStatus(403, "action_not_permitted", http.upload("/leads/import", dealer, "text/csv", good));
        assertStatus(403, "action_not_permitted", http.get("/leads/export", dealer, "text/csv"));
        assertStatus(200, null, http.put("/access/roles/dealer-personnel/permissions/lead", admin, Map.of(
            "actions", List.of("view", "create", "edit", "import", "export"), "fields", Map.of("mobile", "HIDDEN"))));
        Http.Response hiddenColumn = http.upload("/leads/import", dealer, "text/csv", good);
        assertStatus(403, "field_hidden", hiddenColumn);
        assertEquals(1, hiddenColumn.json().get("line").asInt());
        assertStatus(201, null, http.upload("/leads/import", dealer, "text/csv",
            "Name,Source\r\nDina,web\r\n,\r\n".getBytes(StandardCharsets.UTF_8)));
        String dina = http.get("/leads", dealer).json().get("items").get(0).get("id").asText();
        assertStatus(200, null, http.put("/leads/" + dina, admin, Map.of("mobile", "+14155550177")));
        String mine = http.get("/leads/export", dealer, "text/csv").body();
        assertFalse(mine, mine.contains("mobile") || mine.contains("4155550177"));
        assertTrue(mine, mine.contains("Dina") && !mine.contains("Acme"));
        Http.Response malformed = http.upload("/leads/import", dealer, "text/csv",
            "Name,Source\r\nEve,web\r\n\"Fay\"x,web\r\n".getBytes(StandardCharsets.UTF_8));
        assertStatus(400, "invalid_csv", malformed);
        assertEquals(3, malformed.json().get("line").asInt());
        Http.Response wide = http.upload("/leads/import", dealer, "text/csv",
            "Name,Source\r\nEve,web,surplus\r\n".getBytes(StandardCharsets.UTF_8));
        assertStatus(422, "import_rejected", wide);
        assertEquals("too_many_cells", wide.json().get("rejected").get(0).get("code").asText());
        assertEquals(1, http.get("/leads", dealer).json().get("items").size());
        assertStatus(400, "unknown_column", http.upload("/leads/import", admin, "text/csv",
            "Name,Budget\r\nEve,5\r\n".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Several companies work one lead (its partner team): the owner's company and the upstream read every follow-up,
     * each other company its own and the upstream's.
     */
    @Test
    public void partnersWorkingOneLeadReadTheirOwnFollowUps() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String admin = upstream.adminToken();
        String[] mobiles = {newMobile(), newMobile(), newMobile()};
        JsonNode[] companies = new JsonNode[3];
        String[] dealers = new String[3];
        String[] names = {"Oscar", "Papa", "Quebec"};
        for (int i = 0; i < 3; i++) {
            companies[i] = connectNew(http, upstream, names[i] + " " + upstream.suffix(), mobiles[i]);
            dealers[i] = dealersOf(http, upstream, companies[i], mobiles[i]).get(0);
        }
        String lead = http.post("/leads", dealers[0], Map.of("name", "Shared prospect")).json().get("id").asText();
        for (int i = 1; i < 3; i++) {
            assertStatus(201, null, http.post("/records/lead/" + lead + "/partners", admin,
                Map.of("companyId", companies[i].get("connection").get("companyId").asText())));
        }
        for (int i = 0; i < 3; i++) {
            assertStatus(201, null, http.post("/leads/" + lead + "/follow-ups", dealers[i], Map.of("kind", "NOTE",
                "note", names[i] + " was here")));
        }
        assertStatus(201, null, http.post("/leads/" + lead + "/follow-ups", admin, Map.of("kind", "NOTE",
            "note", "Upstream was here")));
        assertEquals(4, http.get("/leads/" + lead + "/follow-ups", admin).json().size());
        assertEquals(4, http.get("/leads/" + lead + "/follow-ups", dealers[0]).json().size());
        for (int i = 1; i < 3; i++) {
            List<String> notes = http.get("/leads/" + lead + "/follow-ups", dealers[i]).json().findValuesAsText("note");
            assertEquals(List.of("Upstream was here", names[i] + " was here"), notes);
        }
    }

    @Test
    public void leadFieldsHideAsTheRolesSay() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String admin = upstream.adminToken();
        String mobile = newMobile();
        String dealer = dealersOf(http, upstream, connectNew(http, upstream, "Mike " + upstream.suffix(), mobile),
            mobile).get(0);
        assertStatus(200, null, http.put("/access/roles/dealer-personnel/permissions/lead", admin,
            Map.of("fields", Map.of("mobile", "HIDDEN", "source", "READ_ONLY"))));
        assertStatus(403, "field_hidden", http.post("/leads", dealer, Map.of("name", "Hidden", "mobile", "+14155550199")));
        assertStatus(403, "field_read_only", http.post("/leads", dealer, Map.of("name", "Sourced", "source", "web")));
        String id = http.post("/leads", dealer, Map.of("name", "Plain")).json().get("id").asText();
        // The upstream fills both in; the dealer reads the source and never the mobile.
        assertStatus(200, null, http.put("/leads/" + id, admin, Map.of("mobile", "+14155550199", "source", "web")));
        JsonNode lead = http.get("/leads/" + id, dealer).json();
        assertFalse(lead.toString(), lead.has("mobile"));
        assertEquals("web", lead.get("source").asText());
        JsonNode listed = http.get("/leads", dealer).json().get("items").get(0);
        assertFalse(listed.toString(), listed.has("mobile"));
        assertStatus(403, "field_hidden", http.put("/leads/" + id, dealer, Map.of("mobile", "+14155550199")));
        assertStatus(403, "field_read_only", http.put("/leads/" + id, dealer, Map.of("source", "email")));
        assertNotNull(http.get("/leads/" + id, admin).json().get("mobile"));

        // A hidden status is no filter, and without the creation time the list pages in id order.
        http.post("/leads", dealer, Map.of("name", "Second"));
        assertStatus(200, null, http.put("/access/roles/dealer-personnel/permissions/lead", admin,
            Map.of("fields", Map.of("status", "HIDDEN", "createdAt", "HIDDEN"))));
        assertStatus(403, "field_hidden", http.get("/leads?status=assigned", dealer));
        JsonNode first = http.get("/leads?limit=1", dealer).json();
        assertFalse(first.get("items").get(0).has("createdAt"));
        JsonNode second = http.get("/leads?limit=1&cursor=" + first.get("nextCursor").asText(), dealer).json();
        assertTrue(first.get("items").get(0).get("id").asText().compareTo(second.get("items").get(0).get("id").asText()) > 0);
    }

    @Test
    public void onlyTheOwnersCompanyAndChannelStaffSwitchHideFromParents() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String mobile = newMobile();
        String dealer = dealersOf(http, upstream, connectNew(http, upstream, "Lima " + upstream.suffix(), mobile),
            mobile).get(0);
        Employee clerk = newEmployee(http, upstream);
        Http.Response created = http.post("/leads", dealer, Map.of("name", "Quiet buyer"));
        assertStatus(201, null, created);
        String lead = created.json().get("id").asText();
        // The dealer invites an upstream employee to follow up, with write access; that employee still may not
        // decide what the dealer's parent partners see.
        Http.Response invited = http.post("/records/lead/" + lead + "/team", dealer,
            Map.of("userId", clerk.id(), "access", "WRITE"));
        assertEquals(invited.toString(), 2, invited.status() / 100);
        String hide = "/records/lead/" + lead + "/hidden-from-parents";
        assertStatus(200, null, http.put(hide, dealer, Map.of("hidden", true)));
        assertStatus(403, "not_owner_company", http.put(hide, clerk.token(), Map.of("hidden", false)));
        assertTrue(http.get(hide, dealer).json().get("hidden").asBoolean());
        assertStatus(200, null, http.put(hide, upstream.adminToken(), Map.of("hidden", false)));
        assertFalse(http.get(hide, dealer).json().get("hidden").asBoolean());
    }
}
