package org.openpartner.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;

/** Health, login, tokens, throttling, the error contract and enterprise administration, over HTTP and the console. */
public class PlatformIT extends OpenPartnerTestSupport {

    @Test
    public void healthReportsTheDatabaseAndEachInstalledFeature() {
        Http.Response health = api().get("/health", null);
        assertEquals(200, health.status());
        JsonNode json = health.json();
        assertEquals("UP", json.get("status").asText());
        assertEquals("UP", json.get("database").get("status").asText());
        String expectedDb = "postgresql".equals(System.getProperty("openpartner.itest.db")) ? "PostgreSQL" : "Apache Derby";
        assertEquals(expectedDb, json.get("database").get("detail").asText());
        assertTrue(json.get("features").toString().contains("\"openpartner-platform\""));
        assertTrue(json.get("features").toString().contains("\"openpartner-partner\""));
        assertFalse("helper features are not health components", json.toString().contains("openpartner-libraries"));
    }

    @Test
    public void theOpenApiDescriptionCoversEveryPublishedResource() {
        Http http = api();
        Http.Response openApi = http.get("/openapi.json", null);
        assertEquals(200, openApi.status());
        JsonNode paths = openApi.json().get("paths");
        for (String path : new String[] {"/auth/login", "/me", "/health", "/enterprises", "/partners", "/partners/{id}/contacts", "/audit"}) {
            assertTrue(path, paths.has(path));
        }
        assertEquals("bearer", openApi.json().at("/components/securitySchemes/bearer/scheme").asText());
        Http.Response ui = http.send("GET", "/docs", null, null);
        assertEquals(200, ui.status());
        assertTrue(ui.body().contains("SwaggerUIBundle"));
        assertEquals(200, http.send("GET", "/docs/swagger-ui-bundle.js", null, null).status());
        assertEquals(404, http.send("GET", "/docs/index.html", null, null).status());
    }

    /**
     * Installing or removing an add-on republishes the API; requests that arrive meanwhile are answered by the old
     * resources or the new ones, never with an error (the republication used to leave a gap: 500 and 404).
     */
    @Test
    public void requestsDuringARepublicationAreAnswered() throws InterruptedException {
        Http http = api();
        String admin = adminToken(http);
        AtomicBoolean churning = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Runnable client = () -> {
            while (churning.get()) {
                for (Http.Response response : List.of(http.get("/health", null), http.get("/me", admin))) {
                    if (response.status() == 200) {
                        answered.incrementAndGet();
                    } else {
                        failures.add(response.toString());
                    }
                }
            }
        };
        List<Thread> clients = List.of(new Thread(client, "republication-client-1"), new Thread(client, "republication-client-2"));
        clients.forEach(Thread::start);
        try {
            for (int i = 0; i < 2; i++) {
                withWidgets(http, () -> assertEquals(200, http.get("/test-widgets", admin).status()));
            }
        } finally {
            churning.set(false);
            for (Thread thread : clients) {
                thread.join();
            }
        }
        assertTrue("requests ran during the republications: " + answered.get(), answered.get() > 100);
        assertEquals("failed while the API was republished", List.of(), failures.subList(0, Math.min(5, failures.size())));
    }

    @Test
    public void platformAdminLogsInAndSeesItself() {
        Http http = api();
        Http.Response login = http.post("/auth/login", null, Map.of("login", PLATFORM_ADMIN, "password", PLATFORM_ADMIN_PASSWORD));
        assertEquals(200, login.status());
        assertEquals("Bearer", login.json().get("tokenType").asText());
        assertNotNull(login.json().get("expiresAt"));
        Http.Response me = http.get("/me", login.json().get("token").asText());
        assertEquals(200, me.status());
        assertTrue(me.json().get("platformAdmin").asBoolean());
        assertFalse(me.toString(), me.body().contains("passwordHash"));
    }

    @Test
    public void employeesLogInByMobileInAnyUsualFormat() {
        Http http = api();
        Tenant tenant = newTenant(http);
        String digits = String.valueOf(1000 + Math.abs(tenant.suffix().hashCode() % 8999));
        Http.Response created = http.post("/users", tenant.adminToken(), Map.of(
            "mobile", "(415) 555-" + digits, "name", "Mobile Only", "password", "mobile-pass-1"));
        assertEquals(created.toString(), 201, created.status());
        assertEquals("+1415555" + digits, created.json().get("mobile").asText());
        assertFalse("no login name was given", created.json().has("loginName"));
        Http.Response login = http.post("/auth/login", null, Map.of("login", "+1 415 555 " + digits, "password", "mobile-pass-1"));
        assertEquals(login.toString(), 200, login.status());
        assertEquals(tenant.id(), login.json().at("/me/actingFor/id").asText());
        Http.Response taken = http.post("/users", tenant.adminToken(), Map.of(
            "mobile", "+1415555" + digits, "name", "Copy", "password", "mobile-pass-1"));
        assertEquals(409, taken.status());
        assertEquals("mobile", taken.json().get("field").asText());
    }

    @Test
    public void wrongCredentialsAre401AndLookAlike() {
        Http http = api();
        Http.Response wrongPassword = http.post("/auth/login", null, Map.of("login", PLATFORM_ADMIN, "password", "not-the-password"));
        Http.Response unknownUser = http.post("/auth/login", null, Map.of("login", "nobody-" + UUID.randomUUID(), "password", "whatever-123"));
        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownUser.status());
        assertEquals(wrongPassword.json().get("message"), unknownUser.json().get("message"));
        assertEquals(400, http.post("/auth/login", null, Map.of("login", PLATFORM_ADMIN)).status());
    }

    @Test
    public void everySpellingOfOneMobileNumberCountsAgainstTheSameLock() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String mobile = newMobile();
        JsonNode connected = connectNew(http, upstream, "Spelling " + upstream.suffix(), mobile);
        String password = connected.get("connectors").get(0).get("initialPassword").asText();
        // +44790xxxxxxx written five ways: one identity, so the fifth failure locks it for the right password too.
        List<String> spellings = List.of(mobile, mobile.substring(0, 3) + " " + mobile.substring(3),
            mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7),
            mobile.substring(0, 3) + "-" + mobile.substring(3, 7) + "-" + mobile.substring(7),
            " " + mobile.substring(0, 6) + " " + mobile.substring(6) + " ");
        for (int i = 0; i < spellings.size(); i++) {
            assertEquals(401, http.post("/auth/login", null, Map.of("login", spellings.get(i), "password",
                "wrong-" + i)).status());
        }
        assertEquals(429, http.post("/auth/login", null, Map.of("login", mobile, "password", password)).status());
        // Far longer than any login: refused before it is looked up or counted.
        assertEquals("too_long", http.post("/auth/login", null, Map.of("login", "x".repeat(300), "password",
            "whatever-123")).code());
    }

    @Test
    public void fiveFailedLoginsThrottleTheIdentityEvenForTheRightPassword() {
        Http http = api();
        Tenant tenant = newTenant(http);
        String login = "admin-" + tenant.suffix();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.post("/auth/login", null, Map.of("login", login, "password", "wrong-" + i)).status());
        }
        Http.Response throttled = http.post("/auth/login", null, Map.of("login", login, "password", "secret-" + tenant.suffix()));
        assertEquals(throttled.toString(), 429, throttled.status());
        assertEquals("too_many_requests", throttled.code());
        // Another identity is not affected.
        assertEquals(200, http.post("/auth/login", null, Map.of("login", PLATFORM_ADMIN, "password", PLATFORM_ADMIN_PASSWORD)).status());
    }

    @Test
    public void everyApiPathNeedsAValidToken() {
        Http http = api();
        for (String path : new String[] {"/me", "/partners", "/audit", "/enterprises", "/users", "/no-such-path"}) {
            Http.Response response = http.get(path, null);
            assertEquals(path + " " + response, 401, response.status());
            assertEquals("unauthorized", response.code());
        }
        Http.Response forged = http.send("GET", "/me", null, "Bearer opt_forged-token-that-was-never-issued-xxxxxxxxx");
        assertEquals(401, forged.status());
        assertEquals("the token is invalid, expired or revoked", forged.json().get("message").asText());
        assertEquals(401, http.send("GET", "/me", null, "Basic YWRtaW46YWRtaW4=").status());
        assertEquals(401, http.send("GET", "/no-such-path", null, "Bearer opt_forged-token-that-was-never-issued-xxxxxxxxx").status());
        // Open endpoints still answer a client that holds a stale token, so that it can log in again.
        assertEquals(200, http.send("GET", "/health", null, "Bearer opt_expired-token-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").status());
    }

    @Test
    public void logoutRevokesTheToken() {
        Http http = api();
        String token = adminToken(http);
        assertEquals(200, http.get("/me", token).status());
        assertEquals(204, http.post("/auth/logout", token, null).status());
        assertEquals(401, http.get("/me", token).status());
        Http.Response again = http.post("/auth/login", token, Map.of("login", PLATFORM_ADMIN, "password", PLATFORM_ADMIN_PASSWORD));
        assertEquals("login works with the revoked token still sent", 200, again.status());
    }

    @Test
    public void badRequestsGetTheErrorShapeAndNoStackTrace() {
        Http http = api();
        String token = adminToken(http);
        Http.Response malformed = http.postRaw("/enterprises", token, "{\"name\": ");
        assertEquals(400, malformed.status());
        assertEquals("malformed_json", malformed.code());
        Http.Response unknownField = http.postRaw("/enterprises", token, "{\"name\":\"X\",\"colour\":\"red\"}");
        assertEquals(400, unknownField.status());
        assertEquals("colour", unknownField.json().get("field").asText());
        Http.Response oversized = http.postRaw("/enterprises", token, "{\"name\":\"" + "x".repeat(70_000) + "\"}");
        assertEquals(413, oversized.status());
        assertEquals("payload_too_large", oversized.code());
        Http.Response missing = http.get("/enterprises/" + UUID.randomUUID(), token);
        assertEquals(404, missing.status());
        for (Http.Response r : new Http.Response[] {malformed, unknownField, oversized, missing}) {
            assertFalse(r.body(), r.body().contains("Exception"));
            assertFalse(r.body(), r.body().contains("\tat "));
        }
    }

    @Test
    public void onlyThePlatformAdminRegistersEnterprisesAndNamesAreUnique() {
        Http http = api();
        Tenant tenant = newTenant(http);
        Http.Response byTenantAdmin = http.post("/enterprises", tenant.adminToken(), Map.of("name", "Sneaky Corp",
            "admin", Map.of("loginName", "sneaky-" + tenant.suffix(), "name", "S", "password", "password-1")));
        assertEquals(403, byTenantAdmin.status());
        Http.Response duplicate = http.post("/enterprises", adminToken(http), Map.of("name", "  VENDOR  " + tenant.suffix().toUpperCase(),
            "admin", Map.of("loginName", "dup-" + tenant.suffix(), "name", "D", "password", "password-1")));
        assertEquals(409, duplicate.status());
        assertEquals("name", duplicate.json().get("field").asText());
        Http.Response badMobile = http.post("/enterprises", adminToken(http), Map.of("name", "Mobile Test " + tenant.suffix(),
            "admin", Map.of("mobile", "12", "name", "M", "password", "password-1")));
        assertEquals(400, badMobile.status());
        assertEquals("admin.mobile", badMobile.json().get("field").asText());
        // The tenant admin sees its own enterprise and not another one.
        assertEquals(200, http.get("/enterprises/" + tenant.id(), tenant.adminToken()).status());
        Tenant other = newTenant(http);
        assertEquals(404, http.get("/enterprises/" + other.id(), tenant.adminToken()).status());
    }

    @Test
    public void consoleCreatesAndListsEnterprisesWithTheSameValidation() {
        Http http = api();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String out = console("openpartner:enterprise-create --admin-login console-" + suffix
            + " --admin-name \"Console Admin\" --admin-password console-pass-1 \"Console Corp " + suffix + "\"")
            .requireSuccess().output();
        assertTrue(out, out.contains("Created enterprise Console Corp " + suffix));
        String list = console("openpartner:enterprise-list").requireSuccess().output();
        assertTrue(list, list.contains("Console Corp " + suffix));
        assertEquals(200, http.post("/auth/login", null, Map.of("login", "console-" + suffix, "password", "console-pass-1")).status());
        ConsoleResult refused = console("openpartner:enterprise-create --admin-login other-" + suffix
            + " --admin-name X --admin-password console-pass-1 \"console corp " + suffix + "\"");
        assertEquals("an enterprise with this name already exists (field name) [duplicate_name, 409]", refused.error());
        ConsoleResult weak = console("openpartner:enterprise-create --admin-login weak-" + suffix
            + " --admin-name X --admin-password short \"Weak " + suffix + "\"");
        assertTrue(weak.error(), weak.error().contains("(field admin.password) [invalid_password, 400]"));
    }
}
