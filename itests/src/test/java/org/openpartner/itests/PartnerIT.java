package org.openpartner.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.Test;

/** Partner management as a tenant's admin and channel managers use it, over HTTP and the console. */
public class PartnerIT extends OpenPartnerTestSupport {

    /** A tenant with Partner enabled and a channel manager. */
    private record Channel(Tenant tenant, Employee manager) {
    }

    /** A tenant with Partner enabled and a channel manager. */
    private Channel newManagedChannel(Http http) {
        Tenant tenant = newChannel(http);
        return new Channel(tenant, newEmployee(http, tenant, "channel-manager"));
    }

    /** Creates a partner as the given user, requiring 201, and returns its id. */
    private static String createPartner(Http http, String token, String name) {
        Http.Response created = http.post("/partners", token, partner(name));
        assertEquals(created.toString(), 201, created.status());
        return created.json().get("id").asText();
    }

    private static Map<String, Object> partner(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "dealer");
        body.put("level", "level-1");
        body.put("region", "North");
        body.put("tags", List.of("gold"));
        return body;
    }

    @Test
    public void enablingPartnerIsIdempotentAndCreatesRolesAndRecordType() {
        Http http = api();
        Tenant tenant = newTenant(http);
        assertFalse(http.get("/partner/setup", tenant.adminToken()).json().get("enabled").asBoolean());
        Http.Response refused = http.post("/partners", tenant.adminToken(), partner("Too Early"));
        assertEquals(409, refused.status());
        assertEquals("partner_not_enabled", refused.code());

        JsonNode first = http.post("/partner/enable", tenant.adminToken(), null).json();
        JsonNode second = http.post("/partner/enable", tenant.adminToken(), null).json();
        assertEquals(first, second);
        assertTrue(first.get("enabled").asBoolean());
        assertEquals("[\"channel-manager\",\"dealer-personnel\"]", first.get("roles").toString());
        assertEquals("[\"partner-contact\"]", first.get("recordTypes").toString());
        JsonNode roles = http.get("/roles", tenant.adminToken()).json();
        assertEquals(2, roles.size());
        assertEquals("EXTERNAL", roles.get(1).get("kind").asText());
    }

    @Test
    public void onlyAdminsAndChannelManagersManagePartners() {
        Http http = api();
        Channel channel = newManagedChannel(http);
        Employee plain = newEmployee(http, channel.tenant());
        Http.Response refused = http.post("/partners", plain.token(), partner("Plain Co"));
        assertEquals(403, refused.status());
        assertEquals(403, http.get("/partners", plain.token()).status());
        assertEquals(201, http.post("/partners", channel.manager().token(), partner("Manager Co")).status());
        assertEquals(201, http.post("/partners", channel.tenant().adminToken(), partner("Admin Co")).status());
        // An external role cannot be given to an employee; an unknown role is 404.
        assertEquals(422, http.put("/users/" + plain.id() + "/roles/dealer-personnel", channel.tenant().adminToken(), null).status());
        assertEquals(404, http.put("/users/" + plain.id() + "/roles/no-such-role", channel.tenant().adminToken(), null).status());
    }

    @Test
    public void partnerCrudWithValidationConflictsAndOptimisticLocking() {
        Http http = api();
        Channel channel = newManagedChannel(http);
        String token = channel.manager().token();
        Http.Response created = http.post("/partners", token, partner("  Blue   Ocean Trading "));
        assertEquals(created.toString(), 201, created.status());
        JsonNode p = created.json();
        String id = p.get("id").asText();
        assertEquals("Blue Ocean Trading", p.get("name").asText());
        assertEquals(channel.manager().id(), p.get("ownerUserId").asText());
        assertEquals("active", p.get("status").asText());

        Http.Response duplicate = http.post("/partners", token, partner("BLUE OCEAN   trading"));
        assertEquals(409, duplicate.status());
        assertEquals("name", duplicate.json().get("field").asText());
        assertEquals(400, http.post("/partners", token, partner("   ")).status());
        Map<String, Object> badStatus = partner("Status Co");
        badStatus.put("status", "sleeping");
        assertEquals("status", http.post("/partners", token, badStatus).json().get("field").asText());
        Map<String, Object> badOwner = partner("Owner Co");
        badOwner.put("ownerUserId", "00000000-0000-0000-0000-000000000000");
        Http.Response owner = http.post("/partners", token, badOwner);
        assertEquals(422, owner.status());
        assertEquals("ownerUserId", owner.json().get("field").asText());

        Map<String, Object> update = partner("Blue Ocean Trading Ltd");
        update.put("version", p.get("version").asLong());
        update.put("tags", List.of("platinum", "east"));
        Http.Response updated = http.put("/partners/" + id, token, update);
        assertEquals(updated.toString(), 200, updated.status());
        assertEquals("[\"platinum\",\"east\"]", updated.json().get("tags").toString());
        Http.Response stale = http.put("/partners/" + id, token, update);
        assertEquals(409, stale.status());
        assertEquals("stale_version", stale.code());

        assertEquals(200, http.get("/partners/" + id, token).status());
        assertEquals(204, http.delete("/partners/" + id, token).status());
        assertEquals(404, http.get("/partners/" + id, token).status());
    }

    @Test
    public void contactsNeedAValidMobileUniqueWithinThePartner() {
        Http http = api();
        Channel channel = newManagedChannel(http);
        String token = channel.manager().token();
        String partnerId = createPartner(http, token, "Contact Co");
        Http.Response noMobile = http.post("/partners/" + partnerId + "/contacts", token, Map.of("name", "No Mobile"));
        assertEquals(400, noMobile.status());
        assertEquals("mobile", noMobile.json().get("field").asText());
        Http.Response invalid = http.post("/partners/" + partnerId + "/contacts", token, Map.of("name", "Bad", "mobile", "555-12"));
        assertEquals(400, invalid.status());
        assertEquals("invalid_mobile", invalid.code());
        Http.Response added = http.post("/partners/" + partnerId + "/contacts", token,
            Map.of("name", "Dana Dealer", "mobile", "(415) 555-0132", "email", "dana@contact.example", "position", "Owner",
                "systemAdmin", true));
        assertEquals(added.toString(), 201, added.status());
        assertEquals("+14155550132", added.json().get("mobile").asText());
        assertEquals("partner-contact", added.json().get("recordType").asText());
        assertTrue(added.json().get("systemAdmin").asBoolean());
        Http.Response again = http.post("/partners/" + partnerId + "/contacts", token,
            Map.of("name", "Dana Again", "mobile", "+1 415 555 0132"));
        assertEquals(409, again.status());
        assertEquals(1, http.get("/partners/" + partnerId, token).json().get("contactCount").asInt());
        assertEquals(1, http.get("/partners/" + partnerId + "/contacts", token).json().size());
    }

    @Test
    public void anotherTenantsPartnersAreNotFound() {
        Http http = api();
        Channel mine = newManagedChannel(http);
        Channel theirs = newManagedChannel(http);
        String theirId = createPartner(http, theirs.manager().token(), "Their Secret Partner");
        String token = mine.manager().token();
        for (Http.Response r : List.of(http.get("/partners/" + theirId, token),
                                       http.put("/partners/" + theirId, token, partner("Hijacked")),
                                       http.delete("/partners/" + theirId, token),
                                       http.get("/partners/" + theirId + "/contacts", token),
                                       http.post("/partners/" + theirId + "/contacts", token, Map.of("name", "X", "mobile", "+14155550199")))) {
            assertEquals(r.toString(), 404, r.status());
            assertFalse(r.body(), r.body().contains("Their Secret"));
        }
        JsonNode list = http.get("/partners?q=secret", token).json();
        assertEquals(0, list.get("total").asLong());
        assertEquals(200, http.get("/partners/" + theirId, theirs.manager().token()).status());
    }

    @Test
    public void listsArePagedWithOpaqueCursorsAndWhitelistedSorts() {
        Http http = api();
        Channel channel = newManagedChannel(http);
        String token = channel.manager().token();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = "Pager " + (char) ('G' - i);
            names.add(name);
            assertEquals(201, http.post("/partners", token, partner(name)).status());
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = http.get("/partners?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), token).json();
            assertEquals(7, page.get("total").asLong());
            page.get("items").forEach(item -> {
                assertTrue("no duplicates across pages", seen.add(item.get("id").asText()));
                order.add(item.get("name").asText());
            });
            cursor = text(page, "nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String::compareTo);
        assertEquals(sorted, order);

        JsonNode newest = http.get("/partners?limit=2&sort=-createdAt", token).json();
        assertEquals("Pager A", newest.get("items").get(0).get("name").asText());
        String next = newest.get("nextCursor").asText();
        assertEquals("invalid_cursor", http.get("/partners?limit=2&sort=name&cursor=" + next, token).code());
        assertEquals("invalid_sort", http.get("/partners?sort=password", token).code());
        assertEquals("invalid_limit", http.get("/partners?limit=100000", token).code());
        assertEquals(1, http.get("/partners?tag=gold&q=pager%20c", token).json().get("total").asLong());
    }

    @Test
    public void changesReachTheAuditTrailThroughTheOutbox() {
        Http http = api();
        Channel channel = newManagedChannel(http);
        String id = createPartner(http, channel.manager().token(), "Audited Co");
        assertEquals(204, http.delete("/partners/" + id, channel.manager().token()).status());
        Awaitility.await("audit entries").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> http.get("/audit?aggregateId=" + id, channel.tenant().adminToken()).json().get("items").size() == 2);
        JsonNode items = http.get("/audit?aggregateId=" + id, channel.tenant().adminToken()).json().get("items");
        assertEquals("partner.deleted", items.get(0).get("type").asText());
        assertEquals("partner.created", items.get(1).get("type").asText());
        assertEquals(channel.manager().id(), items.get(1).get("actorUserId").asText());
        // The trail is the tenant admin's, and only its own tenant's.
        assertEquals(403, http.get("/audit", channel.manager().token()).status());
        Tenant other = newTenant(http);
        assertEquals(0, http.get("/audit?aggregateId=" + id, other.adminToken()).json().get("items").size());
    }

    @Test
    public void uninstallingTheFeatureWithdrawsTheApiAndReinstallingKeepsTheData() {
        Http http = api();
        Channel channel = newManagedChannel(http);
        String token = channel.manager().token();
        String id = createPartner(http, token, "Survivor Co");

        // Interconnection (with its Announcements app and the leads and accounts it gates), the pools (territories and
        // caps by partner) and the hierarchy build on Partner: they go first and come back after.
        adminCommand("feature:uninstall openpartner-leads");
        adminCommand("feature:uninstall openpartner-accounts");
        adminCommand("feature:uninstall openpartner-pools");
        adminCommand("feature:uninstall openpartner-announcements");
        adminCommand("feature:uninstall openpartner-interconnect");
        adminCommand("feature:uninstall openpartner-hierarchy");
        adminCommand("feature:uninstall openpartner-partner");
        Awaitility.await("partner API withdrawn").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
            .until(() -> http.get("/partners/" + id, token).status() == 404);
        assertEquals("not_found", http.get("/partners", token).code());
        assertFalse(http.get("/health", null).body().contains("openpartner-partner"));

        adminCommand("feature:install openpartner-partner");
        adminCommand("feature:install openpartner-hierarchy");
        adminCommand("feature:install openpartner-pools");
        adminCommand("feature:install openpartner-interconnect");
        adminCommand("feature:install openpartner-announcements");
        adminCommand("feature:install openpartner-accounts");
        adminCommand("feature:install openpartner-leads");
        Awaitility.await("partner API back").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
            .ignoreExceptions().until(() -> http.get("/partners/" + id, token).status() == 200);
        assertEquals("Survivor Co", http.get("/partners/" + id, token).json().get("name").asText());
        Awaitility.await("interconnection API back").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
            .ignoreExceptions().until(() -> http.get("/connections", token).status() == 200);
        Awaitility.await("announcements API back").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
            .ignoreExceptions().until(() -> http.get("/announcements", token).status() == 200);
        Awaitility.await("hierarchy API back").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
            .ignoreExceptions().until(() -> http.get("/partners/" + id + "/hierarchy", token).status() == 200);
        Awaitility.await("pools API back").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
            .ignoreExceptions().until(() -> http.get("/pools", token).status() == 200);
        Awaitility.await("accounts API back").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
            .ignoreExceptions().until(() -> http.get("/accounts", token).status() == 200);
        assertEquals(200, api().get("/health", null).status());
    }

    @Test
    public void consoleManagesPartnersWithTheSameRules() {
        Http http = api();
        Tenant tenant = newTenant(http);
        String t = "--tenant \"" + tenant.name() + "\" ";
        assertTrue(console("partner:enable " + t).requireSuccess().output().contains("channel-manager"));
        String created = console("partner:create " + t + "--type distributor --level national --region West --tag gold \"Console Partner\"")
            .requireSuccess().output();
        assertTrue(created, created.startsWith("Created partner Console Partner ("));
        String id = created.substring(created.indexOf('(') + 1, created.indexOf(')'));
        assertEquals("a partner with this name already exists (field name) [duplicate_name, 409]",
            console("partner:create " + t + "\"console   PARTNER\"").error());
        assertTrue(console("partner:contact-add " + t + "--name \"Carl Contact\" --mobile \"+1 415 555 0177\" --system-admin " + id)
            .requireSuccess().output().contains("+14155550177"));
        assertEquals("mobile is not a valid mobile number (field mobile) [invalid_mobile, 400]",
            console("partner:contact-add " + t + "--name X --mobile 12 " + id).error());
        String list = console("partner:list " + t).requireSuccess().output();
        assertTrue(list, list.contains("Console Partner") && list.contains("distributor"));
        String show = console("partner:show " + t + id).requireSuccess().output();
        assertTrue(show, show.contains("Carl Contact") && show.contains("yes"));
        assertTrue(console("partner:list --tenant \"No Such Enterprise\"").error().contains("[not_found, 404]"));
        // What the console made, REST shows.
        String token = tenant.adminToken();
        JsonNode viaRest = http.get("/partners/" + id, token).json();
        assertEquals("Console Partner", viaRest.get("name").asText());
        assertEquals(1, viaRest.get("contactCount").asInt());
        assertNull(text(viaRest, "ownerUserId"));
        assertNotNull(viaRest.get("createdAt"));
    }
}
