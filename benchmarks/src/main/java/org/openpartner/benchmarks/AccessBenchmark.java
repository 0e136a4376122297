package org.openpartner.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * The access benchmark's data (issue 4, item 10), on a running distribution with the test-widget add-on deployed
 * and a tenant whose companies were bulk-imported:
 *
 * <pre>
 * hierarchy base token fanout partners.tsv
 *     Arranges the tenant's partners into 3-level trees (1 root, fanout children, fanout^2 grandchildren each;
 *     the rest stay alone) through PUT /partners/{id}/parent, as a channel manager would, and writes
 *     partnerId, companyId, tree, level, parentId per partner.
 * records jdbcUrl user password tenant adminUserId partners.tsv perCompany grantPercent seed users.tsv records.tsv
 *     With the distribution stopped: inserts perCompany widgets per company, owned by its users in turn, with
 *     random names; gives grantPercent % of them a related-team grant to a user of another company; picks the
 *     users the load runs as (one per role in the run, in distinct companies) and gives them the password of the
 *     tenant's admin; writes them (label, mobile, userId, companyId, partnerId), one record id per company and,
 *     in users.tsv.key-account, the first user of up to 20 companies of tree 7 (the key-account role's holders).
 * reparent base adminToken observerToken partnerId newParentId recordId
 *     Times PUT /partners/{partnerId}/parent and the time until the observer (a user of the new parent's company)
 *     reads a record owned below the moved partner.
 * </pre>
 */
public final class AccessBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
    private static final String OBJECT = "test-widget";
    private static final String[] WORDS = {"alpha", "bolt", "crate", "delta", "ember", "flux", "gear", "helix", "ion",
        "joint", "kite", "lever", "motor", "nozzle", "orbit", "piston", "quartz", "rotor", "spring", "torque", "unit",
        "valve", "washer", "xenon", "yoke", "zinc"};

    /** The users the load runs as: label, the tree their company sits in and its level there. */
    static final List<String[]> ROLES = List.of(
        new String[] {"private-leaf", "0", "3"},
        new String[] {"private-distributor", "1", "1"},
        new String[] {"company-read", "2", "3"},
        new String[] {"company-read-write", "3", "3"},
        new String[] {"public-read", "4", "3"},
        new String[] {"public-read-write", "5", "3"},
        new String[] {"rule-source", "6", "1"},
        new String[] {"reparent-observer", "9", "1"});

    private AccessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "hierarchy" -> hierarchy(args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]));
            case "records" -> records(args);
            case "reparent" -> reparent(args[1], args[2], args[3], args[4], args[5], args[6]);
            default -> {
                System.err.println("usage: AccessBenchmark hierarchy|records|reparent … (see the class comment)");
                System.exit(2);
            }
        }
    }

    record Partner(String id, String companyId) {
    }

    record Placed(Partner partner, int tree, int level, String parentId) {
    }

    private static void hierarchy(String base, String token, int fanout, Path out) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Partner> partners = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = JSON.readTree(send(http, "GET", base + "/partners?limit=500&sort=createdAt"
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), token, null, 200));
            page.get("items").forEach(p -> partners.add(new Partner(p.get("id").asText(),
                p.path("connectedEnterpriseId").asText(null))));
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null);
        int treeSize = 1 + fanout + fanout * fanout;
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < partners.size(); i++) {
            int tree = i / treeSize;
            int position = i % treeSize;
            if ((tree + 1) * treeSize > partners.size()) {
                placed.add(new Placed(partners.get(i), tree, 1, null));
                continue;
            }
            Partner root = partners.get(tree * treeSize);
            if (position == 0) {
                placed.add(new Placed(partners.get(i), tree, 1, null));
            } else if (position <= fanout) {
                placed.add(new Placed(partners.get(i), tree, 2, root.id()));
            } else {
                int child = (position - fanout - 1) / fanout;
                placed.add(new Placed(partners.get(i), tree, 3, partners.get(tree * treeSize + 1 + child).id()));
            }
        }
        // Children first, then grandchildren, four requests at a time (parent changes serialize per tenant).
        long started = System.nanoTime();
        int changes = 0;
        for (int level = 2; level <= 3; level++) {
            int wanted = level;
            List<Placed> batch = placed.stream().filter(p -> p.level() == wanted).toList();
            changes += batch.size();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicInteger next = new AtomicInteger();
            List<Future<Void>> futures = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                futures.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < batch.size(); ) {
                        Placed p = batch.get(i);
                        send(http, "PUT", base + "/partners/" + p.partner().id() + "/parent", token,
                            "{\"parentPartnerId\":\"" + p.parentId() + "\"}", 200);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder tsv = new StringBuilder();
        for (Placed p : placed) {
            tsv.append(p.partner().id()).append('\t').append(p.partner().companyId()).append('\t').append(p.tree())
                .append('\t').append(p.level()).append('\t').append(p.parentId() == null ? "" : p.parentId()).append('\n');
        }
        Files.writeString(out, tsv);
        System.out.printf(Locale.ROOT, "hierarchy partners=%d trees=%d parentChanges=%d seconds=%.1f changesPerSecond=%.0f%n",
            placed.size(), partners.size() / treeSize, changes, seconds, changes / seconds);
    }

    private static void records(String[] args) throws Exception {
        String url = args[1];
        String tenant = args[4];
        String adminUserId = args[5];
        List<String[]> partners = Files.readAllLines(Path.of(args[6])).stream().map(l -> l.split("\t", -1)).toList();
        int perCompany = Integer.parseInt(args[7]);
        double grantPercent = Double.parseDouble(args[8]);
        Random random = new Random(Long.parseLong(args[9]));
        Path usersOut = Path.of(args[10]);
        Path recordsOut = Path.of(args[11]);
        try (Connection db = args[2].isEmpty() ? DriverManager.getConnection(url) : DriverManager.getConnection(url, args[2], args[3])) {
            db.setAutoCommit(false);
            Map<String, List<String[]>> usersByCompany = new LinkedHashMap<>();
            try (PreparedStatement s = db.prepareStatement("select m.USER_ID, m.COMPANY_ID, u.MOBILE from OP_MEMBERSHIP m, "
                + "OP_USER u where m.TENANT_ID = ? and u.ID = m.USER_ID order by m.USER_ID")) {
                s.setString(1, tenant);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        usersByCompany.computeIfAbsent(r.getString(2), k -> new ArrayList<>())
                            .add(new String[] {r.getString(1), r.getString(3)});
                    }
                }
            }
            List<String> companies = partners.stream().map(p -> p[1]).filter(usersByCompany::containsKey).toList();
            long started = System.nanoTime();
            long records = 0;
            long grants = 0;
            int companiesDone = 0;
            Timestamp now = new Timestamp(System.currentTimeMillis());
            StringBuilder sample = new StringBuilder();
            try (PreparedStatement widget = db.prepareStatement("insert into OP_TEST_WIDGET (ID, TENANT_ID, OWNER_USER_ID, "
                     + "OWNER_COMPANY_ID, NAME, PRICE, SECRET, VERSION) values (?, ?, ?, ?, ?, ?, ?, 1)");
                 PreparedStatement grant = db.prepareStatement("insert into OP_SHARE (ID, TENANT_ID, OBJECT_NAME, RECORD_ID, "
                     + "PRINCIPAL, ACCESS_LEVEL, SOURCE, CREATED_BY, CREATED_AT) values (?, ?, ?, ?, ?, 'R', 'team', ?, ?)")) {
                for (String company : companies) {
                    List<String[]> users = usersByCompany.get(company);
                    for (int i = 0; i < perCompany; i++) {
                        String id = IDS.generate().toString();
                        if (i == 0) {
                            sample.append(company).append('\t').append(id).append('\n');
                        }
                        widget.setString(1, id);
                        widget.setString(2, tenant);
                        widget.setString(3, users.get(i % users.size())[0]);
                        widget.setString(4, company);
                        widget.setString(5, WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)]
                            + " " + (100000 + random.nextInt(900000)));
                        widget.setInt(6, random.nextInt(10000));
                        widget.setString(7, "secret " + random.nextInt(1000));
                        widget.addBatch();
                        records++;
                        if (random.nextDouble() * 100 < grantPercent) {
                            List<String[]> others = usersByCompany.get(companies.get(random.nextInt(companies.size())));
                            grant.setString(1, IDS.generate().toString());
                            grant.setString(2, tenant);
                            grant.setString(3, OBJECT);
                            grant.setString(4, id);
                            grant.setString(5, "U:" + others.get(random.nextInt(others.size()))[0]);
                            grant.setString(6, adminUserId);
                            grant.setTimestamp(7, now);
                            grant.addBatch();
                            grants++;
                        }
                    }
                    if (++companiesDone % 100 == 0) {
                        widget.executeBatch();
                        grant.executeBatch();
                        db.commit();
                    }
                }
                widget.executeBatch();
                grant.executeBatch();
                db.commit();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "records widgets=%d grants=%d companies=%d users=%d seconds=%.1f%n", records, grants,
                companies.size(), usersByCompany.values().stream().mapToInt(List::size).sum(), seconds);
            Files.writeString(recordsOut, sample);
            pickUsers(db, adminUserId, partners, usersByCompany, usersOut);
            db.commit();
        }
    }

    /** One user per role of the run, in the tree and level the role names; they get the admin's password. */
    private static void pickUsers(Connection db, String adminUserId, List<String[]> partners,
                                  Map<String, List<String[]>> usersByCompany, Path out) throws SQLException, IOException {
        String hash;
        try (PreparedStatement s = db.prepareStatement("select PASSWORD_HASH from OP_USER where ID = ?")) {
            s.setString(1, adminUserId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                hash = r.getString(1);
            }
        }
        StringBuilder tsv = new StringBuilder();
        try (PreparedStatement update = db.prepareStatement(
            "update OP_USER set PASSWORD_HASH = ?, PASSWORD_CHANGE_REQUIRED = ? where ID = ?")) {
            for (String[] role : ROLES) {
                String[] partner = partners.stream()
                    .filter(p -> p[2].equals(role[1]) && p[3].equals(role[2]) && usersByCompany.containsKey(p[1]))
                    .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no partner in tree " + role[1]
                        + " at level " + role[2] + ": import more companies"));
                String[] user = usersByCompany.get(partner[1]).get(0);
                update.setString(1, hash);
                update.setBoolean(2, false);
                update.setString(3, user[0]);
                update.executeUpdate();
                tsv.append(role[0]).append('\t').append(user[1]).append('\t').append(user[0]).append('\t')
                    .append(partner[1]).append('\t').append(partner[0]).append('\n');
            }
        }
        Files.writeString(out, tsv);
        Files.write(Path.of(out + ".key-account"), partners.stream().filter(p -> p[2].equals("7"))
            .filter(p -> usersByCompany.containsKey(p[1])).limit(20).map(p -> usersByCompany.get(p[1]).get(0)[0]).toList());
    }

    private static void reparent(String base, String adminToken, String observerToken, String partnerId,
                                 String newParentId, String recordId) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int before = status(http, base + "/test-widgets/" + recordId, observerToken);
        long started = System.nanoTime();
        send(http, "PUT", base + "/partners/" + partnerId + "/parent", adminToken,
            "{\"parentPartnerId\":\"" + newParentId + "\"}", 200);
        double putMillis = (System.nanoTime() - started) / 1e6;
        int polls = 0;
        while (status(http, base + "/test-widgets/" + recordId, observerToken) != 200) {
            if (++polls > 100_000) {
                throw new IllegalStateException("the observer never reached the record");
            }
        }
        double visibleMillis = (System.nanoTime() - started) / 1e6;
        System.out.printf(Locale.ROOT, "reparent before=%d putMillis=%.1f visibleAfterMillis=%.1f polls=%d%n", before,
            putMillis, visibleMillis, polls);
    }

    private static int status(HttpClient http, String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String send(HttpClient http, String method, String url, String token, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
