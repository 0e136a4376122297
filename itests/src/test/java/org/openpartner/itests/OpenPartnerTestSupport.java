package org.openpartner.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.karaf.itests.KarafTestSupport;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.awaitility.Awaitility;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Boots the OpenPartner distribution once for the whole suite, on Derby or, with
 * {@code -Dopenpartner.itest.db=postgresql}, on the PostgreSQL database named by {@code openpartner.itest.pg.url}.
 * Tests talk to it as users do: HTTP on its port, and console commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public abstract class OpenPartnerTestSupport extends KarafTestSupport {

    static final String PLATFORM_ADMIN = "admin";
    static final String PLATFORM_ADMIN_PASSWORD = "itest-admin-password";
    static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-openpartner.cfg";
    static final String PLATFORM_CFG = "etc/org.openpartner.platform.cfg";
    /** The system property in the container naming the test-only add-on bundle (itests/test-widgets). */
    static final String WIDGETS_URL_PROPERTY = "openpartner.itest.widgets";
    /** The system property in the container naming the distribution archive on disk (for a second node). */
    static final String DISTRIBUTION_PROPERTY = "openpartner.itest.distribution";
    /** The system property in the container naming the PostgreSQL database the suite runs on. */
    static final String PG_URL_PROPERTY = "openpartner.itest.pg.url";

    {
        // KarafTestSupport would re-run a failed test silently; a failure here must show.
        retry = new Retry(false);
    }

    @Override
    public MavenArtifactUrlReference getKarafDistribution() {
        return maven().groupId("org.openpartner").artifactId("openpartner-distribution").type("tar.gz").versionAsInProject();
    }

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        // Awaitility 4 needs Hamcrest 2; KarafTestSupport provisions Hamcrest 1.3 for its own use.
        options.add(mavenBundle().groupId("org.hamcrest").artifactId("hamcrest").versionAsInProject());
        options.add(editConfigurationFilePut(PLATFORM_CFG, "admin.initialPassword", PLATFORM_ADMIN_PASSWORD));
        options.add(editConfigurationFilePut(PLATFORM_CFG, "login.lockSeconds", "600"));
        options.add(editConfigurationFilePut(PLATFORM_CFG, "request.maxBodyBytes", "65536"));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""));
        if ("postgresql".equals(System.getProperty("openpartner.itest.db"))) {
            options.add(editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"));
            options.add(editConfigurationFilePut(DATASOURCE_CFG, "url", System.getProperty("openpartner.itest.pg.url")));
            options.add(editConfigurationFilePut(DATASOURCE_CFG, "user", "openpartner"));
            options.add(editConfigurationFilePut(DATASOURCE_CFG, "password", "openpartner"));
            // The feature writes this file only at the first start, so Pax Exam creates it: give every key.
            options.add(editConfigurationFilePut(DATASOURCE_CFG, "dataSourceName", "openpartner"));
            options.add(editConfigurationFilePut(DATASOURCE_CFG, "pool", "dbcp2"));
            options.add(editConfigurationFilePut(DATASOURCE_CFG, "xa", "false"));
        }
        // The test-only add-on's URL, resolved here on the host, where the project's versions are known.
        options.add(editConfigurationFilePut("etc/system.properties", WIDGETS_URL_PROPERTY, maven()
            .groupId("org.openpartner").artifactId("openpartner-itest-widgets").versionAsInProject().getURL()));
        // KarafTestSupport injects BootFinished with Pax Exam's default 10 s wait, which a busy machine's boot of
        // every OpenPartner feature can exceed: wait as long as api() waits for health.
        options.add(editConfigurationFilePut("etc/system.properties", "pax.exam.service.timeout", "180000"));
        options.add(editConfigurationFilePut("etc/system.properties", "openpartner.itest.db",
            System.getProperty("openpartner.itest.db", "derby")));
        options.add(editConfigurationFilePut("etc/system.properties", PG_URL_PROPERTY,
            System.getProperty(PG_URL_PROPERTY, "")));
        options.add(editConfigurationFilePut("etc/system.properties", DISTRIBUTION_PROPERTY,
            System.getProperty(DISTRIBUTION_PROPERTY, "")));
        // bin/karaf adds these for Java 17; Pax Exam's launcher does not.
        options.add(vmOption("--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED"));
        options.add(vmOption("--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED"));
        options.add(vmOption("--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED"));
        options.add(vmOption("-Xmx512m"));
        return options.toArray(new Option[0]);
    }

    /** Set once the distribution failed to become healthy, so that later tests fail at once instead of waiting. */
    private static volatile String bootFailure;

    /** The REST API of the booted distribution, ready once its health answers UP. */
    Http api() {
        if (bootFailure != null) {
            throw new AssertionError(bootFailure);
        }
        String port;
        try {
            port = getHttpPort();
        } catch (Exception e) {
            throw new AssertionError("no HTTP port configured", e);
        }
        Http http = new Http("http://localhost:" + port + "/api/v1");
        try {
            Awaitility.await("OpenPartner healthy").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> http.get("/health", null).status() == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            bootFailure = "the distribution did not become healthy in 3 minutes: see the container's data/log/karaf.log";
            throw e;
        }
        return http;
    }

    String adminToken(Http http) {
        return http.login(PLATFORM_ADMIN, PLATFORM_ADMIN_PASSWORD);
    }

    /** A fresh upstream enterprise with its admin, created by the platform admin; returns the admin's token. */
    Tenant newTenant(Http http) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String login = "admin-" + suffix;
        Http.Response created = http.post("/enterprises", adminToken(http), Map.of(
            "name", "Vendor " + suffix,
            "admin", Map.of("loginName", login, "name", "Admin " + suffix, "password", "secret-" + suffix)));
        if (created.status() != 201) {
            throw new AssertionError("could not create an enterprise: " + created);
        }
        String token = http.login(login, "secret-" + suffix);
        return new Tenant(created.json().get("id").asText(), created.json().get("name").asText(), token, suffix);
    }

    /** An employee of the tenant with the given roles; returns the employee's token and id. */
    Employee newEmployee(Http http, Tenant tenant, String... roles) {
        String login = "emp-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = http.post("/users", tenant.adminToken(), Map.of(
            "loginName", login, "name", "Employee " + login, "password", "password-" + login));
        if (created.status() != 201) {
            throw new AssertionError("could not create an employee: " + created);
        }
        String id = created.json().get("id").asText();
        for (String role : roles) {
            Http.Response assigned = http.put("/users/" + id + "/roles/" + role, tenant.adminToken(), null);
            if (assigned.status() != 200) {
                throw new AssertionError("could not assign " + role + ": " + assigned);
            }
        }
        return new Employee(id, http.login(login, "password-" + login));
    }

    /** A tenant with Partner enabled. */
    Tenant newChannel(Http http) {
        Tenant tenant = newTenant(http);
        Http.Response enabled = http.post("/partner/enable", tenant.adminToken(), null);
        assertEquals(enabled.toString(), 200, enabled.status());
        return tenant;
    }

    /** A random UK mobile number in a range libphonenumber accepts, so that tests never share an identity. */
    static String newMobile() {
        return "+44790" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    static Map<String, Object> contact(String name, String mobile, boolean systemAdmin) {
        Map<String, Object> contact = new HashMap<>();
        contact.put("name", name);
        contact.put("mobile", mobile);
        contact.put("systemAdmin", systemAdmin);
        return contact;
    }

    /** Connects a new partner with the given contacts (the first is its system admin); requires 201. */
    static JsonNode connectNew(Http http, Tenant tenant, String name, String... mobiles) {
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (int i = 0; i < mobiles.length; i++) {
            contacts.add(contact("Contact " + i + " of " + name, mobiles[i], i == 0));
        }
        Http.Response created = http.post("/connections", tenant.adminToken(),
            Map.of("partner", Map.of("name", name, "type", "dealer"), "contacts", contacts));
        assertEquals(created.toString(), 201, created.status());
        return created.json();
    }

    /** Logs an external user into the upstream's context and replaces its generated password; returns a token. */
    static String dealerToken(Http http, Tenant upstream, String mobile, String initialPassword, String newPassword) {
        Http.Response login = http.post("/auth/login", null, Map.of("login", mobile, "password", initialPassword,
            "context", upstream.id()));
        assertEquals(login.toString(), 200, login.status());
        String token = login.json().get("token").asText();
        if (login.json().get("passwordChangeRequired").asBoolean()) {
            Http.Response changed = http.post("/auth/password", token,
                Map.of("currentPassword", initialPassword, "newPassword", newPassword));
            assertEquals(changed.toString(), 204, changed.status());
        }
        return token;
    }

    /** What a console command printed, or the error Karaf would print ("Error executing command: ..."). */
    record ConsoleResult(String output, String error) {
        ConsoleResult requireSuccess() {
            if (error != null) {
                throw new AssertionError("console command failed: " + error + "\n" + output);
            }
            return this;
        }
    }

    /** Runs an OpenPartner console command in-process, as the Karaf console does. */
    ConsoleResult console(String command) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        try (org.apache.karaf.shell.api.console.Session session =
                 sessionFactory.create(new java.io.ByteArrayInputStream(new byte[0]), out, out)) {
            Object result = session.execute(command);
            if (result != null) {
                out.println(result);
            }
            return new ConsoleResult(bytes.toString(java.nio.charset.StandardCharsets.UTF_8), null);
        } catch (Exception e) {
            return new ConsoleResult(bytes.toString(java.nio.charset.StandardCharsets.UTF_8), String.valueOf(e.getMessage()));
        }
    }

    /**
     * Runs a Karaf command as the karaf user of a fresh distribution, whose group gives it the roles Karaf's command
     * ACLs ask for (features: admin; bundles: manager).
     */
    String adminCommand(String command) {
        return executeCommand(command, new RolePrincipal("admin"), new RolePrincipal("manager"), new RolePrincipal("viewer"));
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void assertStatus(int status, String code, Http.Response response) {
        assertEquals(response.toString(), status, response.status());
        if (code != null) {
            assertEquals(response.toString(), code, response.code());
        }
    }

    /** One dealer of a company connected with several contacts: logs each in. */
    List<String> dealersOf(Http http, Tenant upstream, JsonNode connected, String... mobiles) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < mobiles.length; i++) {
            tokens.add(dealerToken(http, upstream, mobiles[i],
                connected.get("connectors").get(i).get("initialPassword").asText(), "pw-" + i + "-" + upstream.suffix()));
        }
        return tokens;
    }

    /** The id of the user a token belongs to. */
    static String userId(Http http, String token) {
        return http.get("/me", token).json().get("userId").asText();
    }

    static String createWidget(Http http, String token, String name, int price) {
        Http.Response created = http.post("/test-widgets", token, Map.of("name", name, "price", price, "secret", "s-" + name));
        assertStatus(201, null, created);
        return created.json().get("id").asText();
    }

    static List<String> widgetNames(Http http, String token) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            // Small pages, so that every test that lists widgets also walks the keyset cursor.
            Http.Response list = http.get("/test-widgets?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertStatus(200, null, list);
            list.json().get("items").forEach(w -> names.add(w.get("name").asText()));
            cursor = list.json().path("nextCursor").asText(null);
        } while (cursor != null);
        return names;
    }

    /** Installs the test-only add-on for the duration of {@code work}, then uninstalls it and waits for it to go. */
    void withWidgets(Http http, Runnable work) {
        Matcher installed = Pattern.compile("Bundle ID: (\\d+)").matcher(adminCommand("bundle:install -s "
            + System.getProperty(WIDGETS_URL_PROPERTY)));
        assertTrue("the add-on installs", installed.find());
        String admin = adminToken(http);
        try {
            Awaitility.await("the add-on's endpoints").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/test-widgets", admin).status() == 200);
            work.run();
        } finally {
            adminCommand("bundle:uninstall " + installed.group(1));
        }
        Awaitility.await("the add-on's object gone").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
            .until(() -> http.get("/objects/test-widget", admin).status() == 404);
    }

    static List<String> partnerNames(Http http, String token) {
        Http.Response list = http.get("/partners?sort=name", token);
        assertStatus(200, null, list);
        List<String> names = new ArrayList<>();
        list.json().get("items").forEach(p -> names.add(p.get("name").asText()));
        assertEquals(names.size(), list.json().get("total").asInt());
        return names;
    }

    record Tenant(String id, String name, String adminToken, String suffix) {
    }

    record Employee(String id, String token) {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
