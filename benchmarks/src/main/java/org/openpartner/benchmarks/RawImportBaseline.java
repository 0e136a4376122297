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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The import benchmark's baseline: the rows a bulk import writes for each valid company of a generated file
 * (partner, its contacts, the downstream enterprise, one external user, membership and external role per contact,
 * the connection, its default app, and the outbox events with their audit entries), inserted with plain JDBC batches, one transaction per
 * {@code batch} companies, with no validation and no lookups. The file is parsed with a split on commas (the
 * generator never quotes) and a company is skipped when one of its mobiles is not E.164, as the import rejects it.
 *
 * <pre>java RawImportBaseline jdbcUrl user password tenantId actorUserId roleKey appIds batch file.csv...</pre>
 * The files are inserted one after the other in one JVM, the first with a cold JIT, the others warm, and each is
 * timed on its own.
 * Prints one line per file: {@code raw file=… rows=… companies=… seconds=… rowsPerSecond=…}.
 */
public final class RawImportBaseline {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private RawImportBaseline() {
    }

    record Row(String company, String type, String level, String contact, String mobile, String email, boolean admin) {
    }

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length < 9) {
            System.err.println("usage: RawImportBaseline jdbcUrl user password tenantId actorUserId roleKey appIds batch file.csv...");
            System.exit(2);
        }
        String tenant = args[3];
        String actor = args[4];
        String role = args[5];
        List<String> apps = List.of(args[6].split(","));
        int batch = Integer.parseInt(args[7]);

        // Timed from an open connection, as the import is timed on a running system, to the last commit.
        try (Connection db = args[1].isEmpty() ? DriverManager.getConnection(args[0])
            : DriverManager.getConnection(args[0], args[1], args[2])) {
            db.setAutoCommit(false);
            for (int i = 8; i < args.length; i++) {
                long started = System.nanoTime();
                int[] counts = insert(db, Path.of(args[i]), tenant, actor, role, apps, batch);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "raw file=%s rows=%d companies=%d seconds=%.2f rowsPerSecond=%.0f%n",
                    Path.of(args[i]).getFileName(), counts[0], counts[1], seconds, counts[0] / seconds);
            }
        }
    }

    /** Reads the file and inserts its valid companies; returns the file's rows and the companies inserted. */
    private static int[] insert(Connection db, Path file, String tenant, String actor, String role, List<String> apps,
                                int batch) throws IOException, SQLException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, List<Row>> companies = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            companies.computeIfAbsent(f[0], k -> new ArrayList<>())
                .add(new Row(f[0], f[1], f[2], f[3], f[4], f[5], f[6].equalsIgnoreCase("yes")));
        }
        List<List<Row>> valid = companies.values().stream()
            .filter(rows -> rows.stream().allMatch(r -> E164.matcher(r.mobile()).matches())).toList();
        try (Writer writer = new Writer(db, tenant, actor, role, apps)) {
            for (int from = 0; from < valid.size(); from += batch) {
                for (List<Row> company : valid.subList(from, Math.min(valid.size(), from + batch))) {
                    writer.add(company);
                }
                writer.flush();
                db.commit();
            }
        }
        return new int[] {lines.size() - 1, valid.size()};
    }

    /** One prepared statement per table, filled with a batch of companies and executed table by table. */
    private static final class Writer implements AutoCloseable {
        private final String tenant;
        private final String actor;
        private final String role;
        private final List<String> apps;
        private final PreparedStatement partner;
        private final PreparedStatement contact;
        private final PreparedStatement enterprise;
        private final PreparedStatement user;
        private final PreparedStatement membership;
        private final PreparedStatement userRole;
        private final PreparedStatement connection;
        private final PreparedStatement connectionApp;
        private final PreparedStatement outbox;
        private final PreparedStatement audit;

        Writer(Connection db, String tenant, String actor, String role, List<String> apps) throws SQLException {
            this.tenant = tenant;
            this.actor = actor;
            this.role = role;
            this.apps = apps;
            partner = db.prepareStatement("INSERT INTO OP_PARTNER (ID, TENANT_ID, NAME, NAME_KEY, PARTNER_TYPE, "
                + "PARTNER_LEVEL, OWNER_USER_ID, STATUS, CONNECTED_ENTERPRISE_ID, CREATED_AT, UPDATED_AT, VERSION) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, 1)");
            contact = db.prepareStatement("INSERT INTO OP_PARTNER_CONTACT (ID, TENANT_ID, PARTNER_ID, NAME, MOBILE, "
                + "EMAIL, SYSTEM_ADMIN, RECORD_TYPE, OWNER_USER_ID, CREATED_AT, UPDATED_AT, VERSION) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'partner-contact', ?, ?, ?, 1)");
            enterprise = db.prepareStatement("INSERT INTO OP_ENTERPRISE (ID, NAME, NAME_KEY, STATUS, PLATFORM_OWNER, "
                + "REGISTERED_BY, CREATED_AT, UPDATED_AT, VERSION) VALUES (?, ?, ?, 'active', ?, ?, ?, ?, 1)");
            user = db.prepareStatement("INSERT INTO OP_USER (ID, ENTERPRISE_ID, LOGIN_KEY, MOBILE, NAME, EMAIL, "
                + "PASSWORD_HASH, STATUS, TENANT_ADMIN, PLATFORM_ADMIN, PASSWORD_CHANGE_REQUIRED, CREATED_AT, UPDATED_AT, "
                + "VERSION) VALUES (?, ?, ?, ?, ?, ?, '!', 'active', ?, ?, ?, ?, ?, 1)");
            membership = db.prepareStatement("INSERT INTO OP_MEMBERSHIP (ID, USER_ID, TENANT_ID, COMPANY_ID, "
                + "CONNECTION_ID, STATUS, CREATED_AT, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, 1)");
            userRole = db.prepareStatement("INSERT INTO OP_USER_ROLE (ID, TENANT_ID, USER_ID, ROLE_KEY, CREATED_AT) "
                + "VALUES (?, ?, ?, ?, ?)");
            connection = db.prepareStatement("INSERT INTO OP_CONNECTION (ID, TENANT_ID, PARTNER_ID, COMPANY_ID, STATUS, "
                + "ORIGIN, DEFAULT_ROLES, CREATED_BY, CREATED_AT, UPDATED_AT, VERSION) "
                + "VALUES (?, ?, ?, ?, 'active', 'import', ?, ?, ?, ?, 1)");
            connectionApp = db.prepareStatement("INSERT INTO OP_CONNECTION_APP (ID, TENANT_ID, CONNECTION_ID, APP_ID, "
                + "ENABLED_AT) VALUES (?, ?, ?, ?, ?)");
            outbox = db.prepareStatement("INSERT INTO OP_OUTBOX (EVENT_ID, EVENT_TYPE, TENANT_ID, AGGREGATE_TYPE, "
                + "AGGREGATE_ID, ACTOR_USER_ID, SUMMARY, DATA_JSON, OCCURRED_AT, ATTEMPTS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
            audit = db.prepareStatement("INSERT INTO OP_AUDIT (EVENT_ID, EVENT_TYPE, TENANT_ID, AGGREGATE_TYPE, "
                + "AGGREGATE_ID, ACTOR_USER_ID, SUMMARY, DATA_JSON, OCCURRED_AT, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void add(List<Row> rows) throws SQLException {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            Row first = rows.get(0);
            String partnerId = Batches.newId();
            String companyId = Batches.newId();
            String connectionId = Batches.newId();
            String nameKey = first.company().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            Batches.add(partner, partnerId, tenant, first.company(), nameKey, first.type(), first.level(), actor, companyId, now, now);
            event("partner.created", "Partner", partnerId, "Partner '" + first.company() + "' created",
                "{\"name\":\"" + first.company() + "\",\"type\":\"" + first.type() + "\",\"level\":\"" + first.level() + "\"}", now);
            Batches.add(enterprise, companyId, first.company(), nameKey, false, tenant, now, now);
            for (Row r : rows) {
                String contactId = Batches.newId();
                String userId = Batches.newId();
                Batches.add(contact, contactId, tenant, partnerId, r.contact(), r.mobile(), r.email(), r.admin(), actor, now, now);
                event("partner.contact.created", "PartnerContact", contactId, "Contact '" + r.contact()
                    + "' added to partner '" + r.company() + "'", "{\"partnerId\":\"" + partnerId + "\"}", now);
                Batches.add(user, userId, companyId, "#" + userId, r.mobile(), r.contact(), r.email(), r.admin(), false, false, now, now);
                Batches.add(membership, Batches.newId(), userId, tenant, companyId, connectionId, now, now);
                Batches.add(userRole, Batches.newId(), tenant, userId, role, now);
            }
            event("partner.connected", "Partner", partnerId, "Partner '" + first.company() + "' connected",
                "{\"name\":\"" + first.company() + "\",\"type\":\"" + first.type() + "\",\"level\":\"" + first.level() + "\"}", now);
            Batches.add(connection, connectionId, tenant, partnerId, companyId, role, actor, now, now);
            for (String app : apps) {
                Batches.add(connectionApp, Batches.newId(), tenant, connectionId, app, now);
            }
            event("connection.created", "Connection", connectionId, "Connected partner '" + first.company() + "'",
                "{\"partnerId\":\"" + partnerId + "\",\"companyId\":\"" + companyId
                    + "\",\"status\":\"active\",\"origin\":\"import\"}", now);
        }

        private void event(String type, String aggregateType, String aggregateId, String summary, String json,
                           Timestamp now) throws SQLException {
            String eventId = Batches.newId();
            Batches.add(outbox, eventId, type, tenant, aggregateType, aggregateId, actor, summary, json, now);
            Batches.add(audit, eventId, type, tenant, aggregateType, aggregateId, actor, summary, json, now, now);
        }

        void flush() throws SQLException {
            for (PreparedStatement s : statements()) {
                s.executeBatch();
            }
        }

        private List<PreparedStatement> statements() {
            return List.of(partner, contact, enterprise, user, membership, userRole, connection, connectionApp, outbox, audit);
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement s : statements()) {
                s.close();
            }
        }
    }
}
