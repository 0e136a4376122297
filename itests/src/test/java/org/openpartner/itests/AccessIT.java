package org.openpartner.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.Test;

/**
 * The access model's roles and object and field permissions (issue 4), as an upstream configures them over REST
 * and the console and as its dealers then see the portal: exactly what their roles grant.
 */
public class AccessIT extends OpenPartnerTestSupport {

    private record Dealer(Tenant upstream, String token, String userId, String partnerId) {
    }

    /** A company connected to an upstream: its id and its dealers' tokens (logged in, passwords changed). */
    private record Company(String id, List<String> dealers) {
        String dealer() {
            return dealers.get(0);
        }
    }

    private Company company(Http http, Tenant upstream, String name, int dealers) {
        String[] mobiles = new String[dealers];
        for (int i = 0; i < dealers; i++) {
            mobiles[i] = newMobile();
        }
        JsonNode connected = connectNew(http, upstream, name + " " + upstream.suffix(), mobiles);
        return new Company(connected.get("connection").get("companyId").asText(),
            dealersOf(http, upstream, connected, mobiles));
    }

    private Dealer newDealer(Http http, String name) {
        Tenant upstream = newChannel(http);
        String mobile = newMobile();
        JsonNode result = connectNew(http, upstream, name + " " + upstream.suffix(), mobile);
        String token = dealerToken(http, upstream, mobile, result.get("connectors").get(0).get("initialPassword").asText(),
            "pw-" + upstream.suffix());
        return new Dealer(upstream, token, userId(http, token),
            result.get("connection").get("partnerId").asText());
    }

    @Test
    public void aDealerSeesExactlyTheFieldsItsRolesAllow() {
        Http http = api();
        Dealer dealer = newDealer(http, "Juliet");
        String admin = dealer.upstream().adminToken();
        JsonNode partner = http.get("/portal/company", dealer.token()).json().get("partner");
        assertEquals("dealer", partner.get("type").asText());

        // Dealer Personnel may no longer see the partner type: it is absent from the profile and from the access.
        Http.Response changed = http.put("/access/roles/dealer-personnel/permissions/partner", admin,
            Map.of("fields", Map.of("type", "HIDDEN", "region", "READ_ONLY")));
        assertStatus(200, null, changed);
        assertEquals("HIDDEN", changed.json().get("fields").get("type").asText());
        assertFalse(changed.json().get("configured").asBoolean());
        JsonNode masked = http.get("/portal/company", dealer.token()).json();
        assertFalse(masked.toString(), names(masked.get("partner")).contains("type"));
        assertEquals("Juliet " + dealer.upstream().suffix(), masked.get("partner").get("name").asText());
        JsonNode mine = http.get("/objects/partner/access", dealer.token()).json();
        assertEquals(List.of("view"), List.of(mine.get("actions").get(0).asText()));
        assertFalse(names(mine.get("fields")).contains("type"));
        assertEquals("READ_ONLY", mine.get("fields").get("region").asText());
        // Nor does the object's description tell the dealer of the field; the upstream's staff configure them all.
        List<String> described = new java.util.ArrayList<>();
        http.get("/objects/partner", dealer.token()).json().get("fields").forEach(f -> described.add(f.get("name").asText()));
        assertTrue(described.contains("region"));
        assertFalse(described.toString(), described.contains("type"));
        assertTrue(http.get("/objects/partner", admin).body().contains("\"name\":\"type\""));
        // the upstream itself always sees everything
        assertEquals("dealer", http.get("/partners/" + dealer.partnerId(), admin).json().get("type").asText());

        // A second role that may see it: the user's rights are the union of its roles.
        assertStatus(201, null, http.post("/access/roles", admin, Map.of("key", "senior-dealer", "name", "Senior dealer")));
        assertStatus(409, "role_exists", http.post("/access/roles", admin, Map.of("key", "senior-dealer", "name", "Again")));
        assertStatus(204, null, http.put("/access/users/" + dealer.userId() + "/roles/senior-dealer", admin, null));
        assertEquals("dealer", http.get("/portal/company", dealer.token()).json().get("partner").get("type").asText());
        assertStatus(204, null, http.delete("/access/users/" + dealer.userId() + "/roles/senior-dealer", admin));
        assertFalse(names(http.get("/portal/company", dealer.token()).json().get("partner")).contains("type"));

        // Contacts the role may not view are left out; a partner it may not view is refused.
        assertStatus(200, null, http.put("/access/roles/dealer-personnel/permissions/contact", admin,
            Map.of("actions", List.of())));
        JsonNode profile = http.get("/portal/company", dealer.token()).json();
        assertEquals(0, profile.get("contacts").size());
        assertStatus(200, null, http.put("/access/roles/dealer-personnel/permissions/partner", admin,
            Map.of("actions", List.of())));
        assertStatus(403, "action_not_permitted", http.get("/portal/company", dealer.token()));
        JsonNode permissions = http.get("/access/roles/dealer-personnel/permissions/partner", admin).json();
        assertTrue(permissions.get("configured").asBoolean());
        assertEquals(0, permissions.get("actions").size());

        // Deleting the custom role takes it from its users; the system role stays.
        assertStatus(204, null, http.delete("/access/roles/senior-dealer", admin));
        assertStatus(404, null, http.get("/access/roles/senior-dealer/permissions", admin));
        assertStatus(409, "system_role", http.delete("/access/roles/dealer-personnel", admin));
    }

    @Test
    public void badPermissionChangesAreRefusedNamingTheField() {
        Http http = api();
        Dealer dealer = newDealer(http, "Kilo");
        String admin = dealer.upstream().adminToken();
        String path = "/access/roles/dealer-personnel/permissions/partner";
        Http.Response unknownField = http.put(path, admin, Map.of("fields", Map.of("nope", "HIDDEN")));
        assertStatus(400, "unknown_field", unknownField);
        assertEquals("fields.nope", unknownField.json().get("field").asText());
        assertStatus(400, "fixed_field", http.put(path, admin, Map.of("fields", Map.of("id", "HIDDEN"))));
        assertStatus(400, "fixed_field", http.put(path, admin, Map.of("fields", Map.of("createdAt", "READ_WRITE"))));
        assertStatus(400, "unknown_action", http.put(path, admin, Map.of("actions", List.of("view", "teleport"))));
        assertStatus(404, "unknown_object", http.put("/access/roles/dealer-personnel/permissions/spaceship", admin,
            Map.of("actions", List.of())));
        assertStatus(404, null, http.put("/access/roles/no-such-role/permissions/partner", admin, Map.of("actions", List.of())));
        assertStatus(422, "internal_role", http.get("/access/roles/channel-manager/permissions", admin));
        // dealers do not administer the upstream's roles, and nothing changed
        assertStatus(403, null, http.get("/access/roles", dealer.token()));
        assertStatus(403, null, http.put(path, dealer.token(), Map.of("actions", List.of("view", "edit"))));
        assertFalse(http.get(path, admin).json().get("configured").asBoolean());
        assertEquals("dealer", http.get("/portal/company", dealer.token()).json().get("partner").get("type").asText());
    }

    @Test
    public void theConsoleShowsAndChangesPermissions() {
        Http http = api();
        Dealer dealer = newDealer(http, "Lima");
        String tenant = dealer.upstream().id();
        http.post("/announcements", dealer.upstream().adminToken(), Map.of("title", "Price list", "body", "From June."));
        http.post("/apps/announcements/enablement", dealer.upstream().adminToken(),
            Map.of("partnerIds", List.of(dealer.partnerId()), "enabled", true));
        assertEquals(1, http.get("/portal/announcements", dealer.token()).json().get("items").size());

        String objects = console("access:objects").requireSuccess().output();
        assertTrue(objects, objects.contains("contact") && objects.contains("partner") && objects.contains("announcement"));
        console("access:permission-set --tenant " + tenant + " --actions view --field body=hidden dealer-personnel announcement")
            .requireSuccess();
        JsonNode item = http.get("/portal/announcements", dealer.token()).json().get("items").get(0);
        assertEquals("Price list", item.get("title").asText());
        assertFalse(item.toString(), names(item).contains("body"));
        String shown = console("access:permissions --tenant " + tenant + " dealer-personnel announcement")
            .requireSuccess().output();
        assertTrue(shown, shown.contains("body"));

        console("access:permission-set --tenant " + tenant + " --actions \"\" dealer-personnel announcement").requireSuccess();
        assertStatus(403, "action_not_permitted", http.get("/portal/announcements", dealer.token()));
        ConsoleResult refused = console("access:permission-set --tenant " + tenant + " --field nope=hidden dealer-personnel partner");
        assertTrue(String.valueOf(refused), refused.error() != null && refused.error().contains("nope"));
        console("access:role-create --tenant " + tenant + " regional-dealer \"Regional dealer\"").requireSuccess();
        assertTrue(console("access:roles --tenant " + tenant).requireSuccess().output().contains("regional-dealer"));
    }

    @Test
    public void anAddOnsObjectGetsScopesAndPermissionsWithNoEngineChange() {
        Http http = api();
        withWidgets(http, () -> {
            Tenant upstream = newChannel(http);
            assertStatus(200, null, http.get("/objects/test-widget", upstream.adminToken()));
            Company a = company(http, upstream, "Alpha", 2);
            List<String> alpha = a.dealers();
            String bravo = company(http, upstream, "Bravo", 1).dealer();
            String companyA = a.id();
            String a1Widget = createWidget(http, alpha.get(0), "A1 widget", 10);
            String a2Widget = createWidget(http, alpha.get(1), "A2 widget", 20);
            createWidget(http, bravo, "B1 widget", 30);

            // Private by default: each dealer reaches its own records; another's is not found.
            assertEquals(List.of("A1 widget"), widgetNames(http, alpha.get(0)));
            assertStatus(404, null, http.get("/test-widgets/" + a2Widget, alpha.get(0)));
            assertEquals(3, widgetNames(http, upstream.adminToken()).size());

            // Company read-only for Alpha: its users read each other's records and change only their own.
            assertStatus(200, null, http.put("/access/scopes/test-widget", upstream.adminToken(),
                Map.of("scope", "COMPANY_READ_ONLY", "companyIds", List.of(companyA))));
            assertEquals(List.of("A1 widget", "A2 widget"), widgetNames(http, alpha.get(0)));
            assertStatus(403, "record_read_only", http.put("/test-widgets/" + a2Widget, alpha.get(0), Map.of("name", "Mine")));
            assertEquals(List.of("B1 widget"), widgetNames(http, bravo));

            // "*" is the default's row, no company: naming it (or no id) is refused, and the default stays.
            assertStatus(400, "unknown_company", http.put("/access/scopes/test-widget", upstream.adminToken(),
                Map.of("companyIds", List.of("*"))));
            assertStatus(400, "unknown_company", http.put("/access/scopes/test-widget", upstream.adminToken(),
                Map.of("scope", "PUBLIC_READ_ONLY", "companyIds", List.of(" "))));
            // Public read-write by default: Bravo reads and changes everything; Alpha keeps its own scope.
            assertStatus(200, null, http.put("/access/scopes/test-widget", upstream.adminToken(),
                Map.of("scope", "PUBLIC_READ_WRITE")));
            assertEquals(3, widgetNames(http, bravo).size());
            assertStatus(200, null, http.put("/test-widgets/" + a1Widget, bravo, Map.of("name", "A1 widget")));
            assertEquals(2, widgetNames(http, alpha.get(0)).size());
            JsonNode scopes = http.get("/access/scopes/test-widget", upstream.adminToken()).json();
            assertEquals("PUBLIC_READ_WRITE", scopes.get("defaultScope").asText());
            assertEquals("COMPANY_READ_ONLY", scopes.get("companies").get(companyA).asText());
            assertStatus(400, "unknown_company", http.put("/access/scopes/test-widget", upstream.adminToken(),
                Map.of("scope", "PRIVATE", "companyIds", List.of(companyA, "no-such-company"))));
            assertEquals("COMPANY_READ_ONLY", http.get("/access/scopes/test-widget", upstream.adminToken()).json()
                .get("companies").get(companyA).asText());

            // Field permissions on the add-on's fields: hidden is absent, read-only and hidden are not written.
            assertStatus(200, null, http.put("/access/roles/dealer-personnel/permissions/test-widget", upstream.adminToken(),
                Map.of("fields", Map.of("secret", "HIDDEN", "price", "READ_ONLY"))));
            JsonNode own = http.get("/test-widgets/" + a1Widget, alpha.get(0)).json();
            assertFalse(own.toString(), names(own).contains("secret"));
            assertEquals(10, own.get("price").asInt());
            assertEquals("s-A1 widget", http.get("/test-widgets/" + a1Widget, upstream.adminToken()).json().get("secret").asText());
            Http.Response readOnly = http.put("/test-widgets/" + a1Widget, alpha.get(0), Map.of("price", 11));
            assertStatus(403, "field_read_only", readOnly);
            assertEquals("price", readOnly.json().get("field").asText());
            assertStatus(200, null, http.put("/test-widgets/" + a1Widget, alpha.get(0), Map.of("price", 10, "name", "A1 renamed")));
            assertStatus(403, "field_hidden", http.put("/test-widgets/" + a1Widget, alpha.get(0), Map.of("secret", "peek")));
            // even its stored value is refused: a 200 would confirm the guess
            assertStatus(403, "field_hidden", http.put("/test-widgets/" + a1Widget, alpha.get(0),
                Map.of("secret", "s-A1 widget")));
            assertStatus(403, "field_hidden", http.post("/test-widgets", alpha.get(0), Map.of("name", "New", "secret", "x")));
            assertEquals(10, http.get("/test-widgets/" + a1Widget, upstream.adminToken()).json().get("price").asInt());

            // Object permissions: without create and delete the dealer is refused, with the reason.
            assertStatus(200, null, http.put("/access/roles/dealer-personnel/permissions/test-widget", upstream.adminToken(),
                Map.of("actions", List.of("view", "edit"))));
            assertStatus(403, "action_not_permitted", http.post("/test-widgets", alpha.get(0), Map.of("name", "New")));
            assertStatus(403, "action_not_permitted", http.delete("/test-widgets/" + a1Widget, alpha.get(0)));
            // A related team is read with view and changed with edit, besides reaching the record.
            String team = "/records/test-widget/" + a1Widget + "/team";
            assertStatus(200, null, http.get(team, alpha.get(0)));
            assertStatus(200, null, http.put("/access/roles/dealer-personnel/permissions/test-widget", upstream.adminToken(),
                Map.of("actions", List.of("view"))));
            assertStatus(403, "action_not_permitted", http.post(team, alpha.get(0),
                Map.of("userId", userId(http, alpha.get(1)))));
            assertStatus(204, null, http.delete("/test-widgets/" + a1Widget, upstream.adminToken()));
        });
        assertFalse(http.get("/objects", adminToken(http)).body().contains("test-widget"));
    }

    @Test
    public void aRelatedTeamSharesOneRecordAndExplainSaysWhy() {
        Http http = api();
        withWidgets(http, () -> {
            Tenant upstream = newChannel(http);
            String admin = upstream.adminToken();
            List<String> alpha = company(http, upstream, "Mike", 2).dealers();
            String bravo = company(http, upstream, "November", 1).dealer();
            String bravoUser = userId(http, bravo);
            String widget = createWidget(http, alpha.get(0), "Shared widget", 5);
            String team = "/records/test-widget/" + widget + "/team";
            assertStatus(404, null, http.get("/test-widgets/" + widget, bravo));
            JsonNode before = http.get("/access/explain?user=" + bravoUser + "&object=test-widget&record=" + widget, admin).json();
            assertFalse(before.get("read").get("allowed").asBoolean());
            assertTrue(before.toString(), before.get("read").get("reasons").toString().contains("PRIVATE"));

            // A dealer invites its colleagues and the upstream's employees: another company's users are unknown to it.
            assertStatus(400, "unknown_user", http.post(team, alpha.get(0), Map.of("userId", bravoUser)));
            // The upstream invites Bravo's dealer to follow up, read-only: it reads the record but cannot change it.
            assertStatus(201, null, http.post(team, admin, Map.of("userId", bravoUser)));
            assertEquals("Shared widget", http.get("/test-widgets/" + widget, bravo).json().get("name").asText());
            assertEquals(List.of("Shared widget"), widgetNames(http, bravo));
            assertStatus(403, "record_read_only", http.put("/test-widgets/" + widget, bravo, Map.of("name", "Taken")));
            assertStatus(403, "record_read_only", http.post(team, bravo, Map.of("userId", bravoUser, "access", "WRITE")));
            assertEquals(1, http.get(team, bravo).json().size());
            JsonNode shared = http.get("/access/explain?user=" + bravoUser + "&object=test-widget&record=" + widget, admin).json();
            assertTrue(shared.get("read").get("allowed").asBoolean());
            assertFalse(shared.get("write").get("allowed").asBoolean());
            assertTrue(shared.toString(), shared.get("read").get("reasons").toString().contains("related team"));

            // Read-write membership lets it change the record; removing it takes everything back.
            assertStatus(201, null, http.post(team, admin, Map.of("userId", bravoUser, "access", "WRITE")));
            assertStatus(200, null, http.put("/test-widgets/" + widget, bravo, Map.of("name", "Shared widget 2")));
            // A third company's member is the owner's and the upstream's business: Bravo neither sees nor removes it.
            String charlieUser = userId(http, company(http, upstream, "Oscar", 1).dealer());
            assertStatus(201, null, http.post(team, admin, Map.of("userId", charlieUser)));
            assertEquals(2, http.get(team, alpha.get(0)).json().size());
            assertEquals(List.of(bravoUser), http.get(team, bravo).json().findValuesAsText("userId"));
            assertStatus(404, null, http.delete(team + "/" + charlieUser, bravo));
            assertStatus(204, null, http.delete(team + "/" + charlieUser, alpha.get(0)));
            assertEquals("WRITE", http.get(team, admin).json().get(0).get("access").asText());
            String console = console("access:explain --tenant " + upstream.id() + " " + bravoUser + " test-widget " + widget)
                .requireSuccess().output();
            assertTrue(console, console.contains("write: yes") && console.contains("related team"));
            assertStatus(204, null, http.delete(team + "/" + bravoUser, alpha.get(0)));
            assertStatus(404, null, http.get("/test-widgets/" + widget, bravo));
            assertStatus(404, null, http.get(team, bravo));

            // A colleague outside the record's reach cannot see or change its team; bad members are refused.
            assertStatus(404, null, http.post(team, alpha.get(1), Map.of("userId", bravoUser)));
            assertStatus(400, "unknown_user", http.post(team, alpha.get(0), Map.of("userId", "no-such-user")));
            String colleague = userId(http, alpha.get(1));
            assertStatus(201, null, http.post(team, alpha.get(0), Map.of("userId", colleague)));
            assertEquals("Shared widget 2", http.get("/test-widgets/" + widget, alpha.get(1)).json().get("name").asText());
            assertStatus(404, null, http.get("/records/test-widget/no-such-record/team", admin));
            assertStatus(400, "required", http.get("/access/explain?object=test-widget&record=" + widget, admin));
            assertStatus(403, null, http.get("/access/explain?user=" + bravoUser + "&object=test-widget&record=" + widget,
                alpha.get(0)));

            // The record goes, with its grants, in one unit of work.
            assertStatus(201, null, http.post(team, admin, Map.of("userId", bravoUser)));
            assertStatus(204, null, http.delete("/test-widgets/" + widget, alpha.get(0)));
            assertStatus(404, null, http.get(team, admin));
        });
    }

    @Test
    public void sharingRulesShareACompanysOrARolesRecordsWithNoPerCompanyRules() {
        Http http = api();
        withWidgets(http, () -> {
            Tenant upstream = newChannel(http);
            String admin = upstream.adminToken();
            Company a = company(http, upstream, "Oscar", 1);
            Company b = company(http, upstream, "Papa", 1);
            Company c = company(http, upstream, "Quebec", 1);
            String alpha = a.dealer();
            String bravo = b.dealer();
            String charlie = c.dealer();
            String companyA = a.id();
            String companyB = b.id();
            String alphaWidget = createWidget(http, alpha, "Oscar widget", 1);
            String bravoWidget = createWidget(http, bravo, "Papa widget", 2);

            // Company A's records shared read-only with company B.
            Http.Response toB = http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
                "sourceKind", "COMPANY", "source", companyA, "targetKind", "COMPANY", "target", companyB));
            assertStatus(201, null, toB);
            assertEquals(List.of("Oscar widget", "Papa widget"), widgetNames(http, bravo));
            assertStatus(403, "record_read_only", http.put("/test-widgets/" + alphaWidget, bravo, Map.of("name", "x")));
            assertEquals(List.of(), widgetNames(http, charlie));

            // One rule reaches every downstream company, for writing too.
            Http.Response toAll = http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
                "sourceKind", "COMPANY", "source", companyA, "targetKind", "ALL_COMPANIES", "access", "WRITE"));
            assertStatus(201, null, toAll);
            assertStatus(200, null, http.put("/test-widgets/" + alphaWidget, charlie, Map.of("name", "Oscar widget")));
            String charlieUser = userId(http, charlie);
            JsonNode why = http.get("/access/explain?user=" + charlieUser + "&object=test-widget&record=" + alphaWidget,
                admin).json();
            assertTrue(why.toString(), why.get("write").get("allowed").asBoolean()
                && why.get("write").get("reasons").toString().contains("sharing rule"));

            // A role's records: everything owned by holders of senior-dealer is shared with Dealer Personnel.
            assertStatus(201, null, http.post("/access/roles", admin, Map.of("key", "senior-dealer", "name", "Senior")));
            String bravoUser = userId(http, bravo);
            assertStatus(204, null, http.put("/access/users/" + bravoUser + "/roles/senior-dealer", admin, null));
            assertStatus(404, null, http.get("/test-widgets/" + bravoWidget, charlie));
            Http.Response byRole = http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
                "sourceKind", "ROLE", "source", "senior-dealer", "targetKind", "ROLE", "target", "dealer-personnel"));
            assertStatus(201, null, byRole);
            assertEquals("Papa widget", http.get("/test-widgets/" + bravoWidget, charlie).json().get("name").asText());
            assertEquals(3, http.get("/access/sharing-rules?object=test-widget", admin).json().size());
            String listed = console("access:rules --tenant " + upstream.id() + " --object test-widget").requireSuccess().output();
            assertTrue(listed, listed.contains("ALL_COMPANIES") && listed.contains("ROLE:senior-dealer"));

            // Deleting rules takes the access back at once.
            for (Http.Response rule : List.of(toB, toAll, byRole)) {
                assertStatus(204, null, http.delete("/access/sharing-rules/" + rule.json().get("id").asText(), admin));
            }
            assertEquals(List.of("Papa widget"), widgetNames(http, bravo));
            assertEquals(List.of(), widgetNames(http, charlie));

            // Bad rules are refused, naming the field; dealers cannot make rules.
            assertStatus(400, "unknown_source", http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
                "sourceKind", "COMPANY", "source", "no-such-company", "targetKind", "ALL_COMPANIES")));
            assertStatus(400, "unknown_target", http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
                "sourceKind", "ROLE", "source", "senior-dealer", "targetKind", "ROLE", "target", "no-such-role")));
            assertStatus(422, "not_shareable", http.post("/access/sharing-rules", admin, Map.of("object", "announcement",
                "sourceKind", "ROLE", "source", "senior-dealer", "targetKind", "ALL_COMPANIES")));
            assertStatus(403, null, http.post("/access/sharing-rules", alpha, Map.of("object", "test-widget",
                "sourceKind", "COMPANY", "source", companyA, "targetKind", "ALL_COMPANIES")));

            // A deleted role takes its rules with it: a new role of the same key inherits nothing.
            assertStatus(201, null, http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
                "sourceKind", "COMPANY", "source", companyA, "targetKind", "ROLE", "target", "senior-dealer")));
            assertStatus(204, null, http.delete("/access/roles/senior-dealer", admin));
            assertStatus(201, null, http.post("/access/roles", admin, Map.of("key", "senior-dealer", "name", "Again")));
            assertEquals(0, http.get("/access/sharing-rules?object=test-widget", admin).json().size());
        });
    }

    /**
     * Each data scope for one company and each kind of sharing rule, through REST as an upstream sets them and as
     * dealers then read and write: what each one reaches, for reading and for writing, and nothing beyond.
     */
    @Test
    public void everyScopeAndEveryRuleKindReachExactlyWhatTheySay() {
        Http http = api();
        withWidgets(http, () -> {
            Tenant upstream = newChannel(http);
            String admin = upstream.adminToken();
            Company a = company(http, upstream, "Quebec", 2);
            Company b = company(http, upstream, "Romeo", 1);
            Company c = company(http, upstream, "Sierra", 1);
            List<String> alpha = a.dealers();
            String bravo = b.dealer();
            String charlie = c.dealer();
            String companyA = a.id();
            String companyB = b.id();
            String companyC = c.id();
            createWidget(http, alpha.get(0), "A0", 1);
            String a1 = createWidget(http, alpha.get(1), "A1", 2);
            String b0 = createWidget(http, bravo, "B0", 3);

            // Scopes of company A (the others stay Private): reads, and whether A's first dealer may write A1 and B0.
            record Expected(String scope, List<String> reads, int writeA1, int writeB0) {
            }
            for (Expected expected : List.of(
                new Expected("PRIVATE", List.of("A0"), 404, 404),
                new Expected("COMPANY_READ_ONLY", List.of("A0", "A1"), 403, 404),
                new Expected("COMPANY_READ_WRITE", List.of("A0", "A1"), 200, 404),
                // Public read-only writes as company read-write (DataScope).
                new Expected("PUBLIC_READ_ONLY", List.of("A0", "A1", "B0"), 200, 403),
                new Expected("PUBLIC_READ_WRITE", List.of("A0", "A1", "B0"), 200, 200))) {
                assertStatus(200, null, http.put("/access/scopes/test-widget", admin,
                    Map.of("scope", expected.scope(), "companyIds", List.of(companyA))));
                assertEquals(expected.scope(), expected.reads(), widgetNames(http, alpha.get(0)));
                assertEquals(expected.scope(), expected.writeA1(),
                    http.put("/test-widgets/" + a1, alpha.get(0), Map.of("name", "A1")).status());
                assertEquals(expected.scope(), expected.writeB0(),
                    http.put("/test-widgets/" + b0, alpha.get(0), Map.of("name", "B0")).status());
                assertEquals(expected.scope(), List.of("B0"), widgetNames(http, bravo));
                assertEquals(expected.scope(), List.of(), widgetNames(http, charlie));
            }
            assertStatus(200, null, http.put("/access/scopes/test-widget", admin,
                Map.of("scope", "PRIVATE", "companyIds", List.of(companyA))));

            // A company's records to one user, read-only.
            String charlieUser = userId(http, charlie);
            Http.Response toUser = http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
                "sourceKind", "COMPANY", "source", companyB, "targetKind", "USER", "target", charlieUser));
            assertStatus(201, null, toUser);
            assertEquals(List.of("B0"), widgetNames(http, charlie));
            assertStatus(403, "record_read_only", http.put("/test-widgets/" + b0, charlie, Map.of("name", "B0")));
            assertEquals(List.of("A0"), widgetNames(http, alpha.get(0)));

            // A company's records to the holders of a role: only A's second dealer holds it.
            assertStatus(201, null, http.post("/access/roles", admin, Map.of("key", "east", "name", "East")));
            String alpha1User = userId(http, alpha.get(1));
            assertStatus(204, null, http.put("/access/users/" + alpha1User + "/roles/east", admin, null));
            Http.Response toRole = http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
                "sourceKind", "COMPANY", "source", companyB, "targetKind", "ROLE", "target", "east"));
            assertStatus(201, null, toRole);
            assertEquals(List.of("A1", "B0"), widgetNames(http, alpha.get(1)));
            assertEquals(List.of("A0"), widgetNames(http, alpha.get(0)));

            // The records of a role's holders to a company, read-write: Sierra's dealer changes Romeo's record.
            String bravoUser = userId(http, bravo);
            assertStatus(201, null, http.post("/access/roles", admin, Map.of("key", "key-account", "name", "Key account")));
            assertStatus(204, null, http.put("/access/users/" + bravoUser + "/roles/key-account", admin, null));
            Http.Response fromRole = http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
                "sourceKind", "ROLE", "source", "key-account", "targetKind", "COMPANY", "target", companyC, "access", "WRITE"));
            assertStatus(201, null, fromRole);
            assertStatus(200, null, http.put("/test-widgets/" + b0, charlie, Map.of("name", "B0")));
            // Holding the role no longer: the rule no longer reaches the records it owns.
            assertStatus(204, null, http.delete("/access/users/" + bravoUser + "/roles/key-account", admin));
            assertStatus(403, "record_read_only", http.put("/test-widgets/" + b0, charlie, Map.of("name", "B0")));

            for (Http.Response rule : List.of(toUser, toRole, fromRole)) {
                assertStatus(204, null, http.delete("/access/sharing-rules/" + rule.json().get("id").asText(), admin));
            }
            assertEquals(List.of(), widgetNames(http, charlie));
            assertEquals(List.of("A1"), widgetNames(http, alpha.get(1)));
        });
    }

    /**
     * User groups through REST and the console: a group's members' records shared with a company, a company's records
     * shared with a group's members; membership changes are in force for the next request; a group a rule names
     * cannot be deleted.
     */
    @Test
    public void userGroupsShareTheirMembersRecordsAndReachTheirMembers() {
        Http http = api();
        withWidgets(http, () -> {
            Tenant upstream = newChannel(http);
            String admin = upstream.adminToken();
            Company a = company(http, upstream, "Tango", 2);
            Company b = company(http, upstream, "Uniform", 1);
            Company c = company(http, upstream, "Victor", 1);
            List<String> alpha = a.dealers();
            String bravo = b.dealer();
            String charlie = c.dealer();
            String companyA = a.id();
            String companyC = c.id();
            String a0 = createWidget(http, alpha.get(0), "A0", 1);
            createWidget(http, alpha.get(1), "A1", 2);
            createWidget(http, bravo, "B0", 3);
            createWidget(http, charlie, "C0", 4);

            Http.Response east = http.post("/access/groups", admin, Map.of("name", "East dealers",
                "description", "Key dealers of the east"));
            assertStatus(201, null, east);
            String eastId = east.json().get("id").asText();
            assertStatus(409, "group_exists", http.post("/access/groups", admin, Map.of("name", "  EAST   dealers")));
            assertStatus(400, "required", http.post("/access/groups", admin, Map.of("name", " ")));
            assertStatus(403, null, http.get("/access/groups", alpha.get(0)));
            String alpha1User = userId(http, alpha.get(1));
            String bravoUser = userId(http, bravo);
            // All or none: an unknown id adds nobody.
            assertStatus(400, "unknown_user", http.post("/access/groups/" + eastId + "/members", admin,
                Map.of("userIds", List.of(alpha1User, "no-such-user"))));
            assertEquals(0, http.get("/access/groups/" + eastId + "/members", admin).json().size());
            JsonNode members = http.post("/access/groups/" + eastId + "/members", admin,
                Map.of("userIds", List.of(alpha1User, bravoUser, bravoUser))).json();
            assertEquals(members.toString(), 2, members.size());
            assertEquals(companyA, members.get(0).get("companyId").asText());
            assertEquals(2, http.get("/access/groups/" + eastId, admin).json().get("memberCount").asInt());

            // The records the group's members own, shared with company C.
            Http.Response fromGroup = http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
                "sourceKind", "GROUP", "source", eastId, "targetKind", "COMPANY", "target", companyC));
            assertStatus(201, null, fromGroup);
            assertEquals(List.of("A1", "B0", "C0"), widgetNames(http, charlie));
            assertEquals(List.of("A0"), widgetNames(http, alpha.get(0)));

            // Company A's records, read-write, to the members of another group: Victor's dealer.
            Http.Response reviewers = http.post("/access/groups", admin, Map.of("name", "Reviewers"));
            String reviewersId = reviewers.json().get("id").asText();
            String charlieUser = userId(http, charlie);
            assertStatus(200, null, http.post("/access/groups/" + reviewersId + "/members", admin,
                Map.of("userIds", List.of(charlieUser))));
            Http.Response toGroup = http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
                "sourceKind", "COMPANY", "source", companyA, "targetKind", "GROUP", "target", reviewersId, "access", "WRITE"));
            assertStatus(201, null, toGroup);
            assertEquals(List.of("A0", "A1", "B0", "C0"), widgetNames(http, charlie));
            assertStatus(200, null, http.put("/test-widgets/" + a0, charlie, Map.of("name", "A0")));
            JsonNode why = http.get("/access/explain?user=" + charlieUser + "&object=test-widget&record=" + a0, admin).json();
            assertTrue(why.toString(), why.get("write").get("reasons").toString().contains("the user's group " + reviewersId));
            String groups = console("access:groups --tenant " + upstream.id()).requireSuccess().output();
            assertTrue(groups, groups.contains("East dealers") && groups.contains("Reviewers"));
            String listed = console("access:group --tenant " + upstream.id() + " " + eastId).requireSuccess().output();
            assertTrue(listed, listed.contains(bravoUser) && listed.contains(companyA));

            // Leaving a group takes its reach away at once.
            assertStatus(204, null, http.delete("/access/groups/" + reviewersId + "/members/" + charlieUser, admin));
            assertStatus(404, null, http.put("/test-widgets/" + a0, charlie, Map.of("name", "A0")));
            assertEquals(List.of("A1", "B0", "C0"), widgetNames(http, charlie));
            console("access:group --tenant " + upstream.id() + " --remove " + bravoUser + " " + eastId).requireSuccess();
            assertEquals(List.of("A1", "C0"), widgetNames(http, charlie));

            // A group a rule names stays until the rule goes.
            assertStatus(409, "group_in_use", http.delete("/access/groups/" + eastId, admin));
            assertStatus(204, null, http.delete("/access/sharing-rules/" + fromGroup.json().get("id").asText(), admin));
            assertStatus(204, null, http.delete("/access/groups/" + eastId, admin));
            assertStatus(404, null, http.get("/access/groups/" + eastId, admin));
            assertStatus(400, "unknown_source", http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
                "sourceKind", "GROUP", "source", eastId, "targetKind", "COMPANY", "target", companyC)));
            assertEquals(List.of("C0"), widgetNames(http, charlie));
        });
    }

    /**
     * A partner team (SPEC S11): the upstream puts several companies on one record, each of whose users then reach
     * it; a company sees only its own entry; taking a company off takes its reach away.
     */
    @Test
    public void aPartnerTeamLetsSeveralCompaniesWorkOneRecord() {
        Http http = api();
        withWidgets(http, () -> {
            Tenant upstream = newChannel(http);
            String admin = upstream.adminToken();
            Company a = company(http, upstream, "Whiskey", 1);
            Company b = company(http, upstream, "Xray", 1);
            Company c = company(http, upstream, "Yankee", 1);
            String alpha = a.dealer();
            String bravo = b.dealer();
            String charlie = c.dealer();
            String companyB = b.id();
            String companyC = c.id();
            String account = createWidget(http, alpha, "Shared account", 1);
            assertStatus(404, null, http.get("/test-widgets/" + account, bravo));

            // B works the account (read-write by default), C may read it.
            Http.Response added = http.post("/records/test-widget/" + account + "/partners", admin, Map.of("companyId", companyB));
            assertStatus(201, null, added);
            assertEquals("WRITE", added.json().get("access").asText());
            assertEquals("Xray " + upstream.suffix(), added.json().get("companyName").asText());
            assertStatus(201, null, http.post("/records/test-widget/" + account + "/partners", admin,
                Map.of("companyId", companyC, "access", "READ")));
            assertStatus(200, null, http.put("/test-widgets/" + account, bravo, Map.of("name", "Shared account")));
            assertEquals(List.of("Shared account"), widgetNames(http, charlie));
            assertStatus(403, "record_read_only", http.put("/test-widgets/" + account, charlie, Map.of("name", "x")));
            assertEquals(2, http.get("/records/test-widget/" + account + "/partners", admin).json().size());
            JsonNode seenByB = http.get("/records/test-widget/" + account + "/partners", bravo).json();
            assertEquals(seenByB.toString(), 1, seenByB.size());
            assertEquals(companyB, seenByB.get(0).get("companyId").asText());
            String bravoUser = userId(http, bravo);
            JsonNode why = http.get("/access/explain?user=" + bravoUser + "&object=test-widget&record=" + account, admin).json();
            assertTrue(why.toString(), why.get("write").get("reasons").toString().contains("partner team"));
            String listed = console("access:partner-team --tenant " + upstream.id() + " test-widget " + account)
                .requireSuccess().output();
            assertTrue(listed, listed.contains(companyB) && listed.contains(companyC));

            // Only the upstream chooses the partners; unknown companies are refused naming the field.
            assertStatus(403, null, http.post("/records/test-widget/" + account + "/partners", alpha,
                Map.of("companyId", companyC)));
            assertStatus(403, null, http.delete("/records/test-widget/" + account + "/partners/" + companyB, bravo));
            assertStatus(400, "unknown_company", http.post("/records/test-widget/" + account + "/partners", admin,
                Map.of("companyId", "no-such-company")));

            // Off the team, out of reach.
            assertStatus(204, null, http.delete("/records/test-widget/" + account + "/partners/" + companyB, admin));
            assertStatus(404, null, http.get("/test-widgets/" + account, bravo));
            console("access:partner-team --tenant " + upstream.id() + " --remove " + companyC + " test-widget " + account)
                .requireSuccess();
            assertEquals(List.of(), widgetNames(http, charlie));
            assertStatus(404, null, http.delete("/records/test-widget/" + account + "/partners/" + companyC, admin));
        });
    }

    /** Record types per role (SPEC S4): a create names a type the caller's roles may create, or gets the first. */
    @Test
    public void aDealerCreatesOnlyTheRecordTypesItsRolesMayCreate() {
        Http http = api();
        withWidgets(http, () -> {
            Dealer dealer = newDealer(http, "Zulu");
            String admin = dealer.upstream().adminToken();
            JsonNode types = http.post("/test-widgets/record-types", admin, null).json();
            assertEquals(types.toString(), List.of("deal", "standard"), types.findValuesAsText("key"));
            Http.Response first = http.post("/test-widgets", dealer.token(), Map.of("name", "First"));
            assertStatus(201, null, first);
            // The first of the object's types (in key order) when none is named.
            assertEquals("deal", first.json().get("recordType").asText());

            assertStatus(200, null, http.put("/access/roles/dealer-personnel/record-types/test-widget", admin,
                Map.of("recordTypes", List.of("standard"))));
            assertStatus(403, "record_type_not_permitted", http.post("/test-widgets", dealer.token(),
                Map.of("name", "Deal", "recordType", "deal")));
            assertStatus(400, "unknown_record_type", http.post("/test-widgets", dealer.token(),
                Map.of("name", "Nope", "recordType", "nope")));
            Http.Response standard = http.post("/test-widgets", dealer.token(), Map.of("name", "Standard"));
            assertStatus(201, null, standard);
            assertEquals("standard", standard.json().get("recordType").asText());
            List<String> creatable = new java.util.ArrayList<>();
            http.get("/objects/test-widget/layout", dealer.token()).json().get("creatableRecordTypes")
                .forEach(type -> creatable.add(type.asText()));
            assertEquals(List.of("standard"), creatable);

            // A second role that may create deals: the union of both.
            assertStatus(201, null, http.post("/access/roles", admin, Map.of("key", "referrer", "name", "Referrer")));
            assertStatus(200, null, http.put("/access/roles/referrer/record-types/test-widget", admin,
                Map.of("recordTypes", List.of("deal"))));
            assertStatus(204, null, http.put("/access/users/" + dealer.userId() + "/roles/referrer", admin, null));
            assertStatus(201, null, http.post("/test-widgets", dealer.token(), Map.of("name", "Deal",
                "recordType", "deal")));
            // The upstream's staff create every type.
            assertStatus(201, null, http.post("/test-widgets", admin, Map.of("name", "Staff", "recordType", "standard")));
        });
    }

    private static List<String> layoutFields(JsonNode layout) {
        List<String> fields = new ArrayList<>();
        layout.get("sections").forEach(section -> section.get("fields").forEach(f -> fields.add(f.get("name").asText())));
        return fields;
    }

    @Test
    public void pageLayoutsPerRoleLeaveOutWhatTheCallerMayNotSee() {
        Http http = api();
        Dealer dealer = newDealer(http, "Romeo");
        String admin = dealer.upstream().adminToken();
        // No layout yet: the record type's default layout (Partner Contact's), or every field in one section.
        JsonNode contacts = http.get("/objects/contact/layout", dealer.token()).json();
        assertEquals("partner-contact", contacts.get("recordType").asText());
        assertEquals(List.of("name", "mobile", "email", "position", "systemAdmin"), layoutFields(contacts));
        assertEquals(0, contacts.get("creatableRecordTypes").size());

        Http.Response set = http.put("/access/roles/dealer-personnel/layouts/partner/default", admin, Map.of("sections",
            List.of(Map.of("label", "Company", "fields", List.of("name", "type", "level")),
                Map.of("label", "Relationship", "fields", List.of("region", "ownerUserId")))));
        assertStatus(200, null, set);
        assertTrue(set.json().get("configured").asBoolean());
        http.put("/access/roles/dealer-personnel/permissions/partner", admin,
            Map.of("fields", Map.of("type", "HIDDEN", "region", "READ_ONLY")));
        JsonNode layout = http.get("/objects/partner/layout", dealer.token()).json();
        assertEquals("Company", layout.get("sections").get(0).get("label").asText());
        assertEquals(List.of("name", "level", "region", "ownerUserId"), layoutFields(layout));
        assertEquals("READ_ONLY", layout.get("sections").get(1).get("fields").get(0).get("access").asText());
        String shown = console("access:layout --tenant " + dealer.upstream().id() + " dealer-personnel partner default")
            .requireSuccess().output();
        assertTrue(shown, shown.contains("Company: name, type, level"));

        // Bad layouts are refused naming the place; record types a role may create are checked too.
        assertStatus(400, "unknown_field", http.put("/access/roles/dealer-personnel/layouts/partner/default", admin,
            Map.of("sections", List.of(Map.of("label", "A", "fields", List.of("name", "nope"))))));
        assertStatus(400, "duplicate_field", http.put("/access/roles/dealer-personnel/layouts/partner/default", admin,
            Map.of("sections", List.of(Map.of("label", "A", "fields", List.of("name")),
                Map.of("label", "B", "fields", List.of("name"))))));
        assertStatus(404, "unknown_record_type", http.get("/access/roles/dealer-personnel/layouts/partner/gold", admin));
        assertEquals(List.of("partner-contact"), List.of(http.get("/access/roles/dealer-personnel/record-types/contact",
            admin).json().get("recordTypes").get(0).asText()));
        assertStatus(400, "unknown_record_type", http.put("/access/roles/dealer-personnel/record-types/contact",
            admin, Map.of("recordTypes", List.of("vip"))));
        assertEquals(0, http.put("/access/roles/dealer-personnel/record-types/contact", admin,
            Map.of("recordTypes", List.of())).json().get("recordTypes").size());
        assertStatus(403, null, http.put("/access/roles/dealer-personnel/layouts/partner/default", dealer.token(),
            Map.of("sections", List.of())));
        // An empty list removes the layout: the default applies again.
        assertStatus(200, null, http.put("/access/roles/dealer-personnel/layouts/partner/default", admin,
            Map.of("sections", List.of())));
        assertEquals("Details", http.get("/objects/partner/layout", dealer.token()).json().get("sections").get(0)
            .get("label").asText());
    }

    @Test
    public void thePartnerObjectIsExposedToDealersByItsDataScope() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String admin = upstream.adminToken();
        String mobileA = newMobile();
        JsonNode a = connectNew(http, upstream, "Sierra " + upstream.suffix(), mobileA);
        connectNew(http, upstream, "Tango " + upstream.suffix(), newMobile());
        http.post("/partners", admin, Map.of("name", "Uniform " + upstream.suffix(), "type", "dealer"));
        String dealer = dealersOf(http, upstream, a, mobileA).get(0);
        String own = a.get("connection").get("partnerId").asText();

        // Private by default: a dealer owns no partner record, so it reaches none.
        assertEquals(List.of(), partnerNames(http, dealer));
        assertStatus(404, null, http.get("/partners/" + own, dealer));
        // Company scope: its own company's record; public: every connected partner, never an unconnected one.
        http.put("/access/scopes/partner", admin, Map.of("scope", "COMPANY_READ_ONLY"));
        assertEquals(List.of("Sierra " + upstream.suffix()), partnerNames(http, dealer));
        assertEquals("dealer", http.get("/partners/" + own, dealer).json().get("type").asText());
        http.put("/access/scopes/partner", admin, Map.of("scope", "PUBLIC_READ_ONLY"));
        assertEquals(List.of("Sierra " + upstream.suffix(), "Tango " + upstream.suffix()), partnerNames(http, dealer));
        assertEquals(3, partnerNames(http, admin).size());

        // Hidden fields are absent from the list and cannot be filtered on; dealers still only read.
        http.put("/access/roles/dealer-personnel/permissions/partner", admin, Map.of("fields", Map.of("type", "HIDDEN")));
        JsonNode item = http.get("/partners", dealer).json().get("items").get(0);
        assertFalse(item.toString(), names(item).contains("type"));
        Http.Response filtered = http.get("/partners?type=dealer", dealer);
        assertStatus(403, "field_hidden", filtered);
        assertEquals("type", filtered.json().get("field").asText());
        assertStatus(403, null, http.put("/partners/" + own, dealer, Map.of("name", "Mine")));
        http.put("/access/roles/dealer-personnel/permissions/partner", admin, Map.of("actions", List.of()));
        assertStatus(403, "action_not_permitted", http.get("/partners", dealer));
    }
}
