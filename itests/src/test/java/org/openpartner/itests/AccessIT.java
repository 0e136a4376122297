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
 * The access model's roles and object and field permissions (issue 4), as an upstream configures them over REST
 * and the console and as its dealers then see the portal: exactly what their roles grant.
 */
public class AccessIT extends OpenPartnerTestSupport {

    private record Dealer(Tenant upstream, String token, String userId, String partnerId) {
    }

    private Dealer newDealer(Http http, String name) {
        Tenant upstream = newChannel(http);
        String mobile = newMobile();
        JsonNode result = connectNew(http, upstream, name + " " + upstream.suffix(), mobile);
        String token = dealerToken(http, upstream, mobile, result.get("connectors").get(0).get("initialPassword").asText(),
            "pw-" + upstream.suffix());
        return new Dealer(upstream, token, http.get("/me", token).json().get("userId").asText(),
            result.get("connection").get("partnerId").asText());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertStatus(int status, String code, Http.Response response) {
        assertEquals(response.toString(), status, response.status());
        if (code != null) {
            assertEquals(response.toString(), code, response.code());
        }
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
        assertStatus(200, null, http.put("/access/roles/dealer-personnel/permissions/partner-contact", admin,
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
        assertTrue(objects, objects.contains("partner-contact") && objects.contains("announcement"));
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
}
