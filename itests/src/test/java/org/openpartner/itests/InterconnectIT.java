package org.openpartner.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.Test;
import org.openpartner.platform.api.spi.CodeSender;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Interconnection as upstream channel managers, downstream admins and their external users reach it over HTTP:
 * both ways of connecting, external logins and contexts, app gating, suspension, one-time codes.
 */
public class InterconnectIT extends OpenPartnerTestSupport {

    @Test
    public void connectingAPartnerRegistersItsCompanyAndExternalUsersOnce() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String dana = newMobile();
        JsonNode result = connectNew(http, upstream, "Delta " + upstream.suffix(), dana, newMobile());
        JsonNode connection = result.get("connection");
        assertEquals("active", connection.get("status").asText());
        assertEquals("direct", connection.get("origin").asText());
        assertEquals("[\"share-partner\"]", connection.get("apps").toString());
        assertEquals(2, connection.get("members").asInt());
        assertEquals(2, result.get("connectors").size());
        assertTrue(result.get("connectors").get(0).get("created").asBoolean());
        assertNotNull(result.get("connectors").get(0).get("initialPassword").asText(null));

        String partnerId = connection.get("partnerId").asText();
        JsonNode partner = http.get("/partners/" + partnerId, upstream.adminToken()).json();
        assertEquals(connection.get("companyId").asText(), partner.get("connectedEnterpriseId").asText());
        assertEquals(1, http.get("/partners?connected=true", upstream.adminToken()).json().get("total").asInt());
        assertEquals(0, http.get("/partners?connected=false", upstream.adminToken()).json().get("total").asInt());

        Http.Response again = http.post("/connections", upstream.adminToken(), Map.of("partnerId", partnerId));
        assertEquals(409, again.status());
        assertEquals("already_connected", again.code());
        assertEquals(409, http.delete("/partners/" + partnerId, upstream.adminToken()).status());

        // The same person connected by a second upstream: the identity is reused, not duplicated.
        Tenant second = newChannel(http);
        JsonNode reused = connectNew(http, second, "Delta at second " + second.suffix(), dana);
        assertFalse(reused.get("connectors").get(0).get("created").asBoolean());
        assertEquals(result.get("connectors").get(0).get("userId"), reused.get("connectors").get(0).get("userId"));

        String token = dealerToken(http, upstream, dana, result.get("connectors").get(0).get("initialPassword").asText(),
            "dana-" + upstream.suffix());
        JsonNode me = http.get("/me", token).json();
        assertTrue(me.get("external").asBoolean());
        assertEquals(upstream.id(), me.get("actingFor").get("id").asText());
        assertEquals(3, me.get("contexts").size());
        assertEquals("[\"dealer-personnel\"]", me.get("roles").toString());

        // Switching to the other upstream issues a new token acting for exactly that one.
        Http.Response switched = http.post("/auth/switch", token, Map.of("context", second.id()));
        assertEquals(switched.toString(), 200, switched.status());
        String secondToken = switched.json().get("token").asText();
        assertNotEquals(token, secondToken);
        assertEquals(second.id(), http.get("/me", secondToken).json().get("actingFor").get("id").asText());
        assertEquals(upstream.id(), http.get("/me", token).json().get("actingFor").get("id").asText());
        assertEquals("Delta at second " + second.suffix(),
            http.get("/portal/company", secondToken).json().get("partner").get("name").asText());

        // An enterprise the user has no membership of is refused.
        Http.Response stranger = http.post("/auth/switch", token, Map.of("context", newTenant(http).id()));
        assertEquals(403, stranger.status());
        assertEquals("not_a_member", stranger.code());
    }

    @Test
    public void aConnectionNeedsValidContactsAndNothingIsWrittenWhenOneIsWrong() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String name = "Half " + upstream.suffix();
        Http.Response refused = http.post("/connections", upstream.adminToken(), Map.of(
            "partner", Map.of("name", name),
            "contacts", List.of(contact("Good", newMobile(), true), contact("Bad", "12", false))));
        assertEquals(refused.toString(), 400, refused.status());
        assertEquals("contacts[1].mobile", refused.json().get("field").asText());
        assertEquals(0, http.get("/partners?q=" + upstream.suffix(), upstream.adminToken()).json().get("total").asInt());

        Http.Response noContacts = http.post("/connections", upstream.adminToken(), Map.of("partner", Map.of("name", name)));
        assertEquals(400, noContacts.status());
        assertEquals("contacts", noContacts.json().get("field").asText());

        Employee plain = newEmployee(http, upstream);
        assertEquals(403, http.post("/connections", plain.token(), Map.of("partnerId", "x")).status());
    }

    @Test
    public void anExternalUserMustChangeItsPasswordFirst() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String mobile = newMobile();
        JsonNode result = connectNew(http, upstream, "Echo " + upstream.suffix(), mobile);
        String initial = result.get("connectors").get(0).get("initialPassword").asText();
        Http.Response login = http.post("/auth/login", null, Map.of("login", mobile, "password", initial,
            "context", upstream.id()));
        assertTrue(login.json().get("passwordChangeRequired").asBoolean());
        String token = login.json().get("token").asText();
        // Whoever else logged in with the handed-out password (the upstream that generated it) keeps nothing once
        // the user changes it: every other token of the user is revoked.
        String other = http.post("/auth/login", null, Map.of("login", mobile, "password", initial,
            "context", upstream.id())).json().get("token").asText();
        assertEquals(200, http.get("/me", other).status());
        Http.Response blocked = http.get("/portal/company", token);
        assertEquals(403, blocked.status());
        assertEquals("password_change_required", blocked.code());
        assertEquals(200, http.get("/me", token).status());
        Http.Response wrong = http.post("/auth/password", token, Map.of("currentPassword", "not-it-at-all", "newPassword", "x-new-password"));
        assertEquals(403, wrong.status());
        assertEquals(204, http.post("/auth/password", token, Map.of("currentPassword", initial, "newPassword", "echo-new-password")).status());
        assertEquals(200, http.get("/portal/company", token).status());
        assertEquals(401, http.get("/me", other).status());
        assertEquals(401, http.post("/auth/login", null, Map.of("login", mobile, "password", initial)).status());
    }

    @Test
    public void suspensionCutsOffALoggedInUserAndResumeRestoresAccess() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String mobile = newMobile();
        JsonNode result = connectNew(http, upstream, "Foxtrot " + upstream.suffix(), mobile);
        String connectionId = result.get("connection").get("id").asText();
        String password = "foxtrot-" + upstream.suffix();
        String token = dealerToken(http, upstream, mobile, result.get("connectors").get(0).get("initialPassword").asText(), password);
        assertEquals(200, http.get("/portal/company", token).status());

        Http.Response suspended = http.post("/connections/" + connectionId + "/suspend", upstream.adminToken(), Map.of("reason", "overdue invoices"));
        assertEquals("suspended", suspended.json().get("status").asText());
        assertEquals(401, http.get("/portal/company", token).status());
        Http.Response loginWhileSuspended = http.post("/auth/login", null, Map.of("login", mobile, "password", password, "context", upstream.id()));
        assertEquals(403, loginWhileSuspended.status());
        assertEquals("connection_suspended", loginWhileSuspended.code());
        // The user's own enterprise is not affected.
        assertEquals(200, http.post("/auth/login", null, Map.of("login", mobile, "password", password)).status());

        assertEquals("active", http.post("/connections/" + connectionId + "/resume", upstream.adminToken(), null).json().get("status").asText());
        String again = dealerToken(http, upstream, mobile, password, null);
        assertEquals(200, http.get("/portal/company", again).status());

        Http.Response ended = http.post("/connections/" + connectionId + "/end", upstream.adminToken(), Map.of("reason", "contract over"));
        assertEquals("ended", ended.json().get("status").asText());
        assertEquals("contract over", ended.json().get("endReason").asText());
        assertEquals(401, http.get("/portal/company", again).status());
        assertEquals(409, http.post("/connections/" + connectionId + "/resume", upstream.adminToken(), null).status());
        // History stays; the partner may be connected again.
        assertEquals("ended", http.get("/connections/" + connectionId, upstream.adminToken()).json().get("status").asText());
        JsonNode partner = http.get("/partners/" + result.get("connection").get("partnerId").asText(), upstream.adminToken()).json();
        assertTrue(partner.get("connectedEnterpriseId") == null || partner.get("connectedEnterpriseId").isNull());
        assertEquals(1, http.get("/connections?status=ended", upstream.adminToken()).json().get("items").size());
    }

    @Test
    public void aCompanyWithAnAccountConnectsWithAnInvitationCode() {
        Http http = api();
        Tenant upstream = newChannel(http);
        Tenant downstream = newTenant(http);
        // Roles are the enterprise's external roles: another key would fail every connector the code later brings.
        assertEquals("unknown_role", http.post("/invitation-codes", upstream.adminToken(), Map.of("validDays", 3,
            "roles", List.of("no-such-role"))).code());
        assertEquals("unknown_role", http.post("/invitation-codes", upstream.adminToken(), Map.of("validDays", 3,
            "roles", List.of("channel-manager"))).code());
        assertEquals("invalid_role", http.post("/invitation-codes", upstream.adminToken(), Map.of("validDays", 3,
            "roles", java.util.Arrays.asList((Object) null))).code());
        JsonNode issued = http.post("/invitation-codes", upstream.adminToken(), Map.of("maxUses", 1, "validDays", 3)).json();
        String code = issued.get("code").asText();
        assertTrue(code, code.matches("OPI(-[0-9A-Z]{4}){4}"));

        Http.Response wrong = http.post("/upstreams/requests", downstream.adminToken(), Map.of("code", "OPI-0000-0000-0000-0000"));
        assertEquals(404, wrong.status());
        assertEquals("code_unknown", wrong.code());
        Http.Response own = http.post("/upstreams/requests", upstream.adminToken(), Map.of("code", code));
        assertEquals(422, own.status());

        // Typed leniently: lower case, no dashes.
        Http.Response redeemed = http.post("/upstreams/requests", downstream.adminToken(),
            Map.of("code", code.replace("-", "").toLowerCase()));
        assertEquals(redeemed.toString(), 201, redeemed.status());
        assertEquals("pending", redeemed.json().get("status").asText());
        String requestId = redeemed.json().get("id").asText();
        Http.Response twice = http.post("/upstreams/requests", downstream.adminToken(), Map.of("code", code));
        assertEquals(409, twice.status());
        assertEquals("request_pending", twice.code());

        Tenant third = newTenant(http);
        Http.Response usedUp = http.post("/upstreams/requests", third.adminToken(), Map.of("code", code));
        assertEquals(409, usedUp.status());
        assertEquals("code_used_up", usedUp.code());

        JsonNode pending = http.get("/connection-requests?status=pending", upstream.adminToken()).json();
        assertEquals(1, pending.size());
        assertEquals(downstream.name(), pending.get(0).get("companyName").asText());
        JsonNode approved = http.post("/connection-requests/" + requestId + "/approve", upstream.adminToken(), Map.of()).json();
        String connectionId = approved.get("connection").get("id").asText();
        assertEquals("invitation", approved.get("connection").get("origin").asText());
        assertEquals(409, http.post("/connection-requests/" + requestId + "/approve", upstream.adminToken(), Map.of()).status());

        // The downstream admin picks an employee as connector contact; that employee may then act for the upstream.
        Employee seller = newEmployee(http, downstream);
        Http.Response connectors = http.post("/upstreams/" + connectionId + "/connectors", downstream.adminToken(),
            Map.of("userIds", List.of(seller.id())));
        assertEquals(connectors.toString(), 200, connectors.status());
        assertEquals("[\"dealer-personnel\"]", connectors.json().get(0).get("roles").toString());
        assertEquals(1, http.get("/upstreams", downstream.adminToken()).json().size());
        Http.Response switched = http.post("/auth/switch", seller.token(), Map.of("context", upstream.id()));
        assertEquals(switched.toString(), 200, switched.status());
        assertEquals(downstream.name(), http.get("/portal/company", switched.json().get("token").asText()).json()
            .get("partner").get("name").asText());
        assertEquals(1, http.get("/connections/" + connectionId + "/members", upstream.adminToken()).json().size());

        // Revoked codes are gone; a rejected request says why.
        JsonNode multi = http.post("/invitation-codes", upstream.adminToken(), Map.of("validDays", 1)).json();
        http.post("/invitation-codes/" + multi.get("invitation").get("id").asText() + "/revoke", upstream.adminToken(), null);
        Http.Response revoked = http.post("/upstreams/requests", third.adminToken(), Map.of("code", multi.get("code").asText()));
        assertEquals(410, revoked.status());
        assertEquals("code_revoked", revoked.code());
        JsonNode open = http.post("/invitation-codes", upstream.adminToken(), Map.of("validDays", 1)).json();
        String thirdRequest = http.post("/upstreams/requests", third.adminToken(), Map.of("code", open.get("code").asText()))
            .json().get("id").asText();
        assertEquals(400, http.post("/connection-requests/" + thirdRequest + "/reject", upstream.adminToken(), Map.of()).status());
        JsonNode rejected = http.post("/connection-requests/" + thirdRequest + "/reject", upstream.adminToken(),
            Map.of("reason", "not in our territory")).json();
        assertEquals("rejected", rejected.get("status").asText());
        assertEquals("not in our territory", http.get("/upstreams/requests", third.adminToken()).json().get(0).get("reason").asText());
    }

    @Test
    public void eachFailingAppConditionGivesItsOwn403() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String mobile = newMobile();
        JsonNode result = connectNew(http, upstream, "Golf " + upstream.suffix(), mobile);
        JsonNode other = connectNew(http, upstream, "Hotel " + upstream.suffix(), newMobile());
        String connectionId = result.get("connection").get("id").asText();
        String companyId = result.get("connection").get("companyId").asText();
        String token = dealerToken(http, upstream, mobile, result.get("connectors").get(0).get("initialPassword").asText(),
            "golf-" + upstream.suffix());
        String userId = userId(http, token);
        assertEquals(200, http.get("/portal/company", token).status());
        assertEquals(1, http.get("/portal/apps", token).json().size());

        assertEquals(200, http.delete("/connections/" + connectionId + "/apps/share-partner", upstream.adminToken()).status());
        assertRefused(http.get("/portal/company", token), "app_not_enabled");
        assertEquals(0, http.get("/portal/apps", token).json().size());
        JsonNode bulk = http.post("/apps/share-partner/enablement", upstream.adminToken(), Map.of(
            "partnerIds", List.of(result.get("connection").get("partnerId").asText(), "no-such-partner"), "enabled", true)).json();
        assertEquals(1, bulk.get("changed").asInt());
        assertEquals("not_connected", bulk.get("failures").get(0).get("code").asText());
        assertEquals(200, http.get("/portal/company", token).status());

        String otherCompany = other.get("connection").get("companyId").asText();
        assertEquals(200, http.put("/apps/share-partner/scope", upstream.adminToken(),
            Map.of("scope", "companies", "companyIds", List.of(otherCompany))).status());
        assertRefused(http.get("/portal/company", token), "outside_access_scope");
        http.put("/apps/share-partner/scope", upstream.adminToken(), Map.of("scope", "contacts",
            "companyIds", List.of(companyId), "userIds", List.of(userId)));
        assertEquals(200, http.get("/portal/company", token).status());

        http.put("/apps/share-partner/scope", upstream.adminToken(), Map.of("scope", "all", "roles", List.of("senior-dealer")));
        assertRefused(http.get("/portal/company", token), "no_external_role");
        JsonNode app = http.put("/apps/share-partner/scope", upstream.adminToken(),
            Map.of("scope", "all", "roles", List.of("dealer-personnel"))).json();
        assertEquals("all", app.get("scope").asText());
        assertEquals(200, http.get("/portal/company", token).status());

        // Upstream employees manage apps; dealers do not.
        assertEquals(403, http.get("/apps", token).status());
        assertEquals(2, http.get("/apps/share-partner", upstream.adminToken()).json().get("enabledCompanies").asInt());
    }

    private static void assertRefused(Http.Response response, String code) {
        assertEquals(response.toString(), 403, response.status());
        assertEquals(response.toString(), code, response.code());
    }

    @Test
    public void oneTimeCodesLogInAndResetPasswords() {
        Map<String, String> sent = new ConcurrentHashMap<>();
        Hashtable<String, Object> ranking = new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 100));
        ServiceRegistration<CodeSender> capture = bundleContext.registerService(CodeSender.class,
            (mobile, code, purpose, validFor) -> sent.put(mobile + "/" + purpose, code), ranking);
        try {
            Http http = api();
            Tenant upstream = newChannel(http);
            String mobile = newMobile();
            connectNew(http, upstream, "India " + upstream.suffix(), mobile);

            assertEquals(202, http.post("/auth/code", null, Map.of("mobile", mobile)).status());
            // Unknown mobiles get the same answer and no code.
            String stranger = newMobile();
            assertEquals(202, http.post("/auth/code", null, Map.of("mobile", stranger)).status());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sent.containsKey(mobile + "/login"));
            assertFalse(sent.containsKey(stranger + "/login"));
            String code = sent.get(mobile + "/login");
            String wrongCode = code.equals("000000") ? "111111" : "000000";
            assertEquals(401, http.post("/auth/code/login", null, Map.of("mobile", mobile, "code", wrongCode)).status());
            Http.Response login = http.post("/auth/code/login", null, Map.of("mobile", mobile, "code", code, "context", upstream.id()));
            assertEquals(login.toString(), 200, login.status());
            assertEquals(upstream.id(), login.json().get("me").get("actingFor").get("id").asText());
            assertEquals(401, http.post("/auth/code/login", null, Map.of("mobile", mobile, "code", code)).status());

            assertEquals(202, http.post("/auth/code", null, Map.of("mobile", mobile, "purpose", "password-reset")).status());
            String resetCode = sent.get(mobile + "/password-reset");
            assertEquals(204, http.post("/auth/password/reset", null, Map.of("mobile", mobile, "code", resetCode,
                "newPassword", "india-reset-password")).status());
            Http.Response byPassword = http.post("/auth/login", null, Map.of("login", mobile, "password", "india-reset-password"));
            assertEquals(200, byPassword.status());
            assertFalse(byPassword.json().get("passwordChangeRequired").asBoolean());
            // The old session was revoked with the reset.
            assertEquals(401, http.get("/me", login.json().get("token").asText()).status());

            // Three codes per window: the fourth request sends none, and answers as for a number nobody has (a 429
            // would tell that the number has an account).
            http.post("/auth/code", null, Map.of("mobile", mobile));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !sent.get(mobile + "/login").equals(code));
            String second = sent.get(mobile + "/login");
            http.post("/auth/code", null, Map.of("mobile", mobile));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !sent.get(mobile + "/login").equals(second));
            String third = sent.get(mobile + "/login");
            assertEquals(202, http.post("/auth/code", null, Map.of("mobile", mobile)).status());
            assertEquals("no fourth code", third, sent.get(mobile + "/login"));
        } finally {
            capture.unregister();
        }
    }

    /** The channel manager's console: codes, requests, connections, apps and an import from a file on the server. */
    @Test
    public void theConsoleRunsTheConnectionWorkflow() throws Exception {
        Http http = api();
        Tenant upstream = newChannel(http);
        String t = "--tenant \"" + upstream.name() + "\" ";

        String generated = console("connection:code-generate " + t + "--uses 2 --days 5 --label fair").requireSuccess().output();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("Code: (OPI[-0-9A-Z]+)").matcher(generated);
        assertTrue(generated, code.find());
        String codes = console("connection:codes " + t).requireSuccess().output();
        assertTrue(codes, codes.contains("fair") && codes.contains("0/2"));
        assertTrue(console("connection:code-generate " + t + "--days 999").error().contains("validDays"));

        Tenant accepted = newTenant(http);
        Tenant refused = newTenant(http);
        String acceptedRequest = http.post("/upstreams/requests", accepted.adminToken(), Map.of("code", code.group(1)))
            .json().get("id").asText();
        String refusedRequest = http.post("/upstreams/requests", refused.adminToken(), Map.of("code", code.group(1)))
            .json().get("id").asText();
        String pending = console("connection:requests " + t).requireSuccess().output();
        assertTrue(pending, pending.contains(accepted.name()) && pending.contains(refused.name()));
        assertTrue(console("connection:reject " + t + refusedRequest).error().contains("reason"));
        assertTrue(console("connection:reject " + t + "--reason \"not a reseller\" " + refusedRequest).requireSuccess()
            .output().contains("not a reseller"));
        assertTrue(console("connection:approve " + t + acceptedRequest).requireSuccess().output().contains("is connected"));
        assertEquals("rejected", http.get("/upstreams/requests", refused.adminToken()).json().get(0).get("status").asText());
        String codeId = http.get("/invitation-codes", upstream.adminToken()).json().get(0).get("id").asText();
        assertTrue(console("connection:code-revoke " + t + codeId).requireSuccess().output().contains("2 uses"));

        java.nio.file.Path file = java.nio.file.Files.createTempFile("companies", ".csv");
        try {
            java.nio.file.Files.writeString(file, "company name,contact name,mobile,system admin\n"
                + "Console Imports Ltd,Ida," + newMobile() + ",yes\n"
                + "Console Imports Ltd,Ivo," + newMobile() + ",no\n"
                + "No Admin Ltd,Nat," + newMobile() + ",no\n");
            String imported = console("connection:import " + t + "--watch " + file).requireSuccess().output();
            assertTrue(imported, imported.contains("completed: 3/3 rows processed, 1 companies imported, 1 rows in 1 companies rejected"));
            assertTrue(imported, imported.contains("no_system_admin"));
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertTrue(console("connection:import " + t + "/no/such/file.csv").error().contains("no such file"));

        String list = console("connection:list " + t).requireSuccess().output();
        assertTrue(list, list.contains("Console Imports Ltd") && list.contains("import") && list.contains(accepted.name()));
        String partnerId = http.get("/partners?q=Console%20Imports", upstream.adminToken()).json().get("items").get(0)
            .get("id").asText();
        String disabled = console("connection:app-enable " + t + "--app share-partner --disable " + partnerId + " nope")
            .requireSuccess().output();
        assertTrue(disabled, disabled.contains("Disabled share-partner for 1 of 2 partners") && disabled.contains("nope"));
        String connectionId = http.get("/connections", upstream.adminToken()).json().get("items").get(0).get("id").asText();
        assertEquals(List.of(), JSON_LIST.apply(http.get("/connections/" + connectionId, upstream.adminToken()).json().get("apps")));
    }

    private static final java.util.function.Function<JsonNode, List<String>> JSON_LIST = node -> {
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    };

    /**
     * Announcements, the second app: upstream posts, a dealer reads only once the app is enabled for its company;
     * uninstalling the feature removes the app and its endpoints and keeps posts and settings for the reinstall.
     */
    @Test
    public void announcementsAreReadThroughTheAppGateAndSurviveAFeatureReinstall() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String mobile = newMobile();
        JsonNode result = connectNew(http, upstream, "India " + upstream.suffix(), mobile);
        String partnerId = result.get("connection").get("partnerId").asText();
        String token = dealerToken(http, upstream, mobile, result.get("connectors").get(0).get("initialPassword").asText(),
            "india-" + upstream.suffix());

        Http.Response posted = http.post("/announcements", upstream.adminToken(),
            Map.of("title", "Spring promotion", "body", "10 % off all routers until May.", "pinned", true));
        assertEquals(posted.toString(), 201, posted.status());
        http.post("/announcements", upstream.adminToken(), Map.of("title", "New price list", "body", "Valid from June."));
        assertEquals(400, http.post("/announcements", upstream.adminToken(), Map.of("title", "No body")).status());
        assertEquals(403, http.post("/announcements", token, Map.of("title", "Dealer post", "body", "x")).status());

        // not on by default: the dealer is refused with the gate's reason until the upstream enables it
        assertRefused(http.get("/portal/announcements", token), "app_not_enabled");
        JsonNode enabled = http.post("/apps/announcements/enablement", upstream.adminToken(),
            Map.of("partnerIds", List.of(partnerId), "enabled", true)).json();
        assertEquals(1, enabled.get("changed").asInt());
        JsonNode read = http.get("/portal/announcements", token).json().get("items");
        assertEquals(2, read.size());
        assertEquals("Spring promotion", read.get(0).get("title").asText());
        assertTrue(read.get(0).get("pinned").asBoolean());
        assertEquals(2, http.get("/portal/apps", token).json().size());
        // The portal says what each app is, not how the upstream set it up (scope, roles, how many partners use it).
        assertFalse(http.get("/portal/apps", token).body().contains("scope"));
        assertFalse(http.get("/portal/apps", token).body().contains("roles"));

        adminCommand("feature:uninstall openpartner-announcements");
        try {
            Awaitility.await("announcements gone").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("/announcements", upstream.adminToken()).status() == 404);
            assertEquals(404, http.get("/apps/announcements", upstream.adminToken()).status());
            assertEquals(1, http.get("/portal/apps", token).json().size());
        } finally {
            adminCommand("feature:install openpartner-announcements");
        }
        Awaitility.await("announcements back").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
            .until(() -> http.get("/portal/announcements", token).status() == 200);
        assertEquals(2, http.get("/portal/announcements", token).json().get("items").size());
        assertEquals(2, http.get("/portal/apps", token).json().size());
    }
}
