package org.openpartner.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;

/**
 * The lead import benchmark's baseline: the rows a lead import writes for each row of a generated file (the lead,
 * its lead.created event in the outbox and its audit entry), inserted with plain JDBC batches of {@code batch} rows
 * per table, one transaction per file as the import has, with no validation and no lookups. The file is parsed with a
 * split on commas (the generator never quotes).
 *
 * <pre>java RawLeadImportBaseline jdbcUrl user password tenantId actorUserId actorCompanyId batch file.csv...</pre>
 * The files are inserted one after the other in one JVM and timed together, from an open connection to the last
 * commit; prints {@code raw files=… rows=… seconds=… rowsPerSecond=…}.
 */
public final class RawLeadImportBaseline {

    private RawLeadImportBaseline() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length < 8) {
            System.err.println("usage: RawLeadImportBaseline jdbcUrl user password tenantId actorUserId actorCompanyId "
                + "batch file.csv...");
            System.exit(2);
        }
        String tenant = args[3];
        String actor = args[4];
        String company = args[5];
        int batch = Integer.parseInt(args[6]);
        try (Connection db = args[1].isEmpty() ? DriverManager.getConnection(args[0])
            : DriverManager.getConnection(args[0], args[1], args[2])) {
            db.setAutoCommit(false);
            long started = System.nanoTime();
            int rows = 0;
            for (int i = 7; i < args.length; i++) {
                rows += insert(db, Path.of(args[i]), tenant, actor, company, batch);
                db.commit();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "raw files=%d rows=%d seconds=%.2f rowsPerSecond=%.0f%n", args.length - 7,
                rows, seconds, rows / seconds);
        }
    }

    private static int insert(Connection db, Path file, String tenant, String actor, String company, int batch)
            throws IOException, SQLException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        try (PreparedStatement lead = db.prepareStatement("INSERT INTO OP_LEAD (ID, TENANT_ID, OWNER_USER_ID, "
                + "OWNER_COMPANY_ID, NAME, COMPANY_NAME, MOBILE, EMAIL, SOURCE, REGION, INDUSTRY, STATUS, CREATED_BY, "
                + "CREATED_AT, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ASSIGNED', ?, ?, ?, 1)");
             PreparedStatement outbox = db.prepareStatement("INSERT INTO OP_OUTBOX (EVENT_ID, EVENT_TYPE, TENANT_ID, "
                + "AGGREGATE_TYPE, AGGREGATE_ID, ACTOR_USER_ID, SUMMARY, DATA_JSON, OCCURRED_AT, ATTEMPTS) "
                + "VALUES (?, 'lead.created', ?, 'Lead', ?, ?, ?, ?, ?, 0)");
             PreparedStatement audit = db.prepareStatement("INSERT INTO OP_AUDIT (EVENT_ID, EVENT_TYPE, TENANT_ID, "
                + "AGGREGATE_TYPE, AGGREGATE_ID, ACTOR_USER_ID, SUMMARY, DATA_JSON, OCCURRED_AT, RECORDED_AT) "
                + "VALUES (?, 'lead.created', ?, 'Lead', ?, ?, ?, ?, ?, ?)")) {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            String data = "{\"status\":\"ASSIGNED\",\"imported\":true,\"ownerUserId\":\"" + actor
                + "\",\"ownerCompanyId\":\"" + company + "\"}";
            int rows = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                String leadId = Batches.newId();
                Batches.add(lead, leadId, tenant, actor, company, f[0], f[1], f[2], f[3], f[4], f[5], f[6], actor, now, now);
                String eventId = Batches.newId();
                String summary = "created: lead " + leadId;
                Batches.add(outbox, eventId, tenant, leadId, actor, summary, data, now);
                Batches.add(audit, eventId, tenant, leadId, actor, summary, data, now, now);
                if (++rows % batch == 0) {
                    for (PreparedStatement s : List.of(lead, outbox, audit)) {
                        s.executeBatch();
                    }
                }
            }
            for (PreparedStatement s : List.of(lead, outbox, audit)) {
                s.executeBatch();
            }
            return rows;
        }
    }
}
