package org.openpartner.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * Bulk import of connected companies as channel managers use it: upload over HTTP, progress, rejected rows and
 * their report, XLSX, file faults, and a job interrupted by stopping its bundle that resumes where it stopped.
 */
public class ImportIT extends OpenPartnerTestSupport {

    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String INTERCONNECT_BUNDLE = "openpartner-interconnect-impl";

    /** Small batches so that a stop falls between many batch boundaries. */
    @Configuration
    @Override
    public Option[] config() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        options.add(editConfigurationFilePut("etc/org.openpartner.interconnect.cfg", "import.batchCompanies", "5"));
        return options.toArray(new Option[0]);
    }

    private static JsonNode awaitFinished(Http http, Tenant tenant, String jobId) {
        return Awaitility.await("import " + jobId + " finished").atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> http.get("/imports/" + jobId, tenant.adminToken()).json(),
                job -> !job.get("status").asText().equals("queued") && !job.get("status").asText().equals("running"));
    }

    @Test
    public void aCsvImportConnectsTheValidCompaniesAndReportsEveryRejectedRow() {
        Http http = api();
        Tenant tenant = newChannel(http);
        String a1 = newMobile();
        String a2 = newMobile();
        String b1 = newMobile();
        String csv = "\uFEFFCompany Name,Partner Type,Level,Contact Name,Mobile,Email,System Admin,Apps\r\n"
            + "\"Alpha, Inc\",dealer,L1,Ann Alpha," + a1 + ",ann@alpha.example,yes,share-partner\r\n"
            + "Beta Ltd,agent,,\"Bob \"\"B\"\" Beta\"," + b1 + ",,yes,\r\n"
            + "\"alpha,  inc\",dealer,L1,Al Alpha," + a2 + ",,no,\r\n"
            + "Gamma GmbH,dealer,,Gus,12345,,yes,\r\n"
            + "Gamma GmbH,dealer,,Gia," + newMobile() + ",,no,\r\n"
            + "Delta,dealer,,Dan," + newMobile() + ",,no,\r\n";
        Http.Response submitted = http.upload("/imports?fileName=companies.csv", tenant.adminToken(), CSV,
            csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(submitted.toString(), 202, submitted.status());
        JsonNode job = submitted.json().get("job");
        assertEquals(6, job.get("totalRows").asInt());
        assertEquals(4, job.get("totalCompanies").asInt());
        assertEquals(3, job.get("rejectedRows").asInt());
        // the answer already lists each rejected row with its line, company and reason
        JsonNode rejected = submitted.json().get("rejectedRows");
        assertEquals(3, rejected.size());
        assertEquals(5, rejected.get(0).get("line").asInt());
        assertEquals("Gamma GmbH", rejected.get(0).get("company").asText());
        assertEquals("invalid_mobile", rejected.get(0).get("code").asText());
        assertEquals("company_rejected", rejected.get(1).get("code").asText());
        assertEquals(7, rejected.get(2).get("line").asInt());
        assertEquals("no_system_admin", rejected.get(2).get("code").asText());

        JsonNode done = awaitFinished(http, tenant, job.get("id").asText());
        assertEquals("completed", done.get("status").asText());
        assertEquals(6, done.get("processedRows").asInt());
        assertEquals(2, done.get("importedCompanies").asInt());
        assertEquals(3, done.get("importedRows").asInt());

        JsonNode connections = http.get("/connections", tenant.adminToken()).json().get("items");
        assertEquals(2, connections.size());
        Set<String> names = new HashSet<>();
        for (JsonNode c : connections) {
            names.add(c.get("partnerName").asText());
            assertEquals("import", c.get("origin").asText());
            assertEquals("active", c.get("status").asText());
        }
        assertEquals(Set.of("Alpha, Inc", "Beta Ltd"), names);
        JsonNode alpha = http.get("/partners?q=Alpha", tenant.adminToken()).json().get("items").get(0);
        assertEquals(2, http.get("/partners/" + alpha.get("id").asText() + "/contacts", tenant.adminToken()).json().size());
        assertEquals(0, http.get("/partners?q=Gamma", tenant.adminToken()).json().get("items").size());

        // imported users have no password: they sign in with a code to their mobile
        assertEquals(401, http.post("/auth/login", null, java.util.Map.of("login", a1, "password", "anything-at-all",
            "context", tenant.id())).status());

        Http.Response report = http.get("/imports/" + job.get("id").asText() + "/report", tenant.adminToken(), "text/csv");
        assertEquals(200, report.status());
        String[] lines = report.body().replace("\uFEFF", "").split("\r\n");
        assertEquals("line,company,contact name,mobile,code,field,reason", lines[0]);
        assertEquals(4, lines.length);
        assertTrue(lines[1], lines[1].startsWith("5,Gamma GmbH,Gus,12345,invalid_mobile,mobile,"));

        // the same file again: the valid companies are now connected, so they are rejected when written
        JsonNode again = http.upload("/imports", tenant.adminToken(), CSV, csv.getBytes(StandardCharsets.UTF_8))
            .json().get("job");
        JsonNode second = awaitFinished(http, tenant, again.get("id").asText());
        assertEquals(0, second.get("importedCompanies").asInt());
        assertEquals(4, second.get("rejectedCompanies").asInt());
        JsonNode alreadyConnected = http.get("/imports/" + again.get("id").asText() + "/rejected-rows",
            tenant.adminToken()).json().get("items");
        assertEquals("already_connected", alreadyConnected.get(0).get("code").asText());
        assertEquals(2, alreadyConnected.get(0).get("line").asInt());
        assertEquals("already_connected", alreadyConnected.get(1).get("code").asText());
        assertEquals(4, alreadyConnected.get(2).get("line").asInt());
        assertEquals("company_rejected", alreadyConnected.get(2).get("code").asText());
        assertEquals(2, http.get("/connections", tenant.adminToken()).json().get("items").size());
    }

    @Test
    public void anXlsxWorkbookIsImported() throws Exception {
        Http http = api();
        Tenant tenant = newChannel(http);
        byte[] workbook;
        try (InputStream in = getClass().getResourceAsStream("/imports/companies.xlsx")) {
            workbook = in.readAllBytes();
        }
        Http.Response submitted = http.upload("/imports?fileName=companies.xlsx", tenant.adminToken(), XLSX, workbook);
        assertEquals(submitted.toString(), 202, submitted.status());
        assertEquals("xlsx", submitted.json().get("job").get("format").asText());
        assertEquals(4, submitted.json().get("rejectedRows").get(0).get("line").asInt());
        JsonNode done = awaitFinished(http, tenant, submitted.json().get("job").get("id").asText());
        assertEquals(1, done.get("importedCompanies").asInt());
        assertEquals(2, done.get("importedRows").asInt());
    }

    @Test
    public void fileFaultsAreRefusedWithoutAJob() {
        Http http = api();
        Tenant tenant = newChannel(http);
        // one byte over the default import.maxBytes (20 MiB): refused on the declared length, before reading
        Http.Response tooLarge = http.upload("/imports", tenant.adminToken(), CSV, new byte[20 * 1024 * 1024 + 1]);
        assertEquals(tooLarge.toString(), 413, tooLarge.status());
        assertEquals("file_too_large", tooLarge.code());
        Http.Response noColumn = http.upload("/imports", tenant.adminToken(), CSV,
            "company name,contact name\nA,B\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, noColumn.status());
        assertEquals("missing_column", noColumn.code());
        assertEquals("mobile", noColumn.json().get("field").asText());
        Http.Response notUtf8 = http.upload("/imports", tenant.adminToken(), CSV,
            "company name,contact name,mobile\nM\u00fcller,B,+447900000000\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("invalid_encoding", notUtf8.code());
        Http.Response unclosed = http.upload("/imports", tenant.adminToken(), CSV,
            "company name,contact name,mobile\n\"A,B,+447900000000\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("malformed_csv", unclosed.code());
        assertEquals(0, http.get("/imports", tenant.adminToken()).json().get("items").size());
        // only channel staff import
        Employee clerk = newEmployee(http, tenant);
        assertEquals(403, http.upload("/imports", clerk.token(), CSV, "x".getBytes(StandardCharsets.UTF_8)).status());
    }

    /**
     * Stops the interconnection bundle while a job runs, as a crash or a redeploy would, starts it again and compares
     * the outcome with what the file asks for: every valid company exactly once, with all its contacts.
     */
    @Test
    public void anImportInterruptedMidwayResumesWithoutHalfOrDoubleWrites() throws Exception {
        Http http = api();
        Tenant tenant = newChannel(http);
        int companies = 200;
        StringBuilder csv = new StringBuilder("company name,partner type,contact name,mobile,system admin\n");
        int base = ThreadLocalRandom.current().nextInt(1_000_000, 8_000_000);
        for (int c = 0; c < companies; c++) {
            for (int i = 0; i < 3; i++) {
                // every 50th company has a bad mobile on its second row
                String mobile = c % 50 == 7 && i == 1 ? "555" : "+44790" + (base + c * 3 + i);
                csv.append("Resume Co ").append(c).append(",dealer,Person ").append(c).append('-').append(i)
                    .append(',').append(mobile).append(',').append(i == 0 ? "yes" : "no").append('\n');
            }
        }
        String jobId = http.upload("/imports", tenant.adminToken(), CSV, csv.toString().getBytes(StandardCharsets.UTF_8))
            .json().get("job").get("id").asText();
        Awaitility.await("import under way").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
            .until(() -> http.get("/imports/" + jobId, tenant.adminToken()).json().get("importedCompanies").asInt() >= 15);

        Bundle bundle = Arrays.stream(bundleContext.getBundles())
            .filter(b -> INTERCONNECT_BUNDLE.equals(b.getSymbolicName())).findFirst().orElseThrow();
        JsonNode before = http.get("/imports/" + jobId, tenant.adminToken()).json();
        bundle.stop();
        try {
            // The REST server withdraws the bundle's resources on its own thread, just after the stop. The bundle
            // stays installed, so its paths answer 503 (come back later), not 404 (no such path).
            Awaitility.await("import API withdrawn").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/imports/" + jobId, tenant.adminToken()).status() == 503);
            Http.Response stopped = http.get("/imports/" + jobId, tenant.adminToken());
            assertEquals("service_unavailable", stopped.code());
            assertEquals(404, http.get("/no-such-resource", tenant.adminToken()).status());
        } finally {
            bundle.start();
        }
        assertTrue("the job was stopped midway: " + before, before.get("processedRows").asInt() < companies * 3 - 15);
        Awaitility.await("interconnection back").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
            .ignoreExceptions().until(() -> http.get("/imports/" + jobId, tenant.adminToken()).status() == 200);

        JsonNode done = awaitFinished(http, tenant, jobId);
        assertEquals(done.toString(), "completed", done.get("status").asText());
        assertEquals(companies * 3, done.get("processedRows").asInt());
        assertEquals(companies - 4, done.get("importedCompanies").asInt());
        assertEquals(4, done.get("rejectedCompanies").asInt());
        assertEquals(12, done.get("rejectedRows").asInt());

        // the database holds each valid company once, with its three contacts and members
        long connected = 0;
        String cursor = null;
        do {
            JsonNode page = http.get("/connections?limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                tenant.adminToken()).json();
            for (JsonNode c : page.get("items")) {
                connected++;
                assertEquals(c.toString(), 3, c.get("members").asInt());
            }
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null);
        assertEquals(companies - 4, connected);
        assertEquals(companies - 4, http.get("/partners?connected=true&limit=1", tenant.adminToken()).json().get("total").asLong());
        assertFalse(http.get("/partners?q=Resume%20Co%207&limit=5", tenant.adminToken()).json().get("items").toString()
            .contains("\"Resume Co 7\""));
    }
}
