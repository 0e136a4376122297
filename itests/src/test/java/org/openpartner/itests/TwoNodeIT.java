package org.openpartner.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Assume;
import org.junit.Test;

/**
 * Two Karaf nodes on one PostgreSQL database (SPEC S6, issue 5 item 4): this suite's container and a second node
 * started from the same distribution archive on other ports. Dealers claim from one hot pool through both nodes at
 * once, then return and claim again: nobody holds a lead another holds, the holding caps per user and company and
 * the daily claim limit come out exact, and the pool log has one claim per win. Leads entering a round-robin pool
 * through both nodes at once are dealt out in exact turns. Only on PostgreSQL: embedded Derby belongs to one JVM.
 */
public class TwoNodeIT extends OpenPartnerTestSupport {

    private static final int COMPANIES = 4;
    private static final int LEADS = 40;
    private static final int USER_CAP = 3;
    private static final int COMPANY_CAP = 5;
    private static final int DAILY_LIMIT = 4;

    /** A dealer: its token, user id and company. */
    record Dealer(String token, String userId, String companyId) {
    }

    @Test
    public void claimsCapsDailyLimitsAndTurnsHoldAcrossTwoNodes() throws Exception {
        Assume.assumeTrue("two nodes share a database on PostgreSQL only; embedded Derby belongs to one JVM",
            "postgresql".equals(System.getProperty("openpartner.itest.db")));
        Http first = api();
        Path archive = Path.of(System.getProperty(DISTRIBUTION_PROPERTY));
        try (SecondNode node = SecondNode.start(archive, Path.of(System.getProperty("karaf.base"))
                .resolveSibling("second-node"), System.getProperty(PG_URL_PROPERTY))) {
            List<Http> nodes = List.of(first, node.http);
            Tenant upstream = newChannel(first);
            String admin = upstream.adminToken();
            List<Dealer> dealers = new ArrayList<>();
            List<String> companies = new ArrayList<>();
            for (int c = 0; c < COMPANIES; c++) {
                String[] mobiles = {newMobile(), newMobile()};
                JsonNode connected = connectNew(first, upstream, "Dealer " + c + " " + upstream.suffix(), mobiles);
                String company = connected.get("connection").get("companyId").asText();
                companies.add(company);
                for (String token : dealersOf(first, upstream, connected, mobiles)) {
                    dealers.add(new Dealer(token, userId(first, token), company));
                }
            }
            hotPool(nodes, admin, dealers);
            turns(nodes, admin, companies, dealers);
            changesGovernTheOtherNode(nodes, admin, dealers);
        }
    }

    /** Claims through both nodes at once, twice, within the caps and the daily limit. */
    private void hotPool(List<Http> nodes, String admin, List<Dealer> dealers) throws Exception {
        Http http = nodes.get(0);
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        Http.Response created = http.post("/pools", admin, Map.of("name", "Hot", "object", "lead",
            "members", List.of(Map.of("kind", "ROLE", "id", "dealer-personnel")), "rules", Map.of(
                "userHoldingCap", USER_CAP, "companyHoldingCap", COMPANY_CAP, "dailyClaimLimit", DAILY_LIMIT)));
        assertStatus(201, null, created);
        String pool = created.json().get("id").asText();
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            Http node = nodes.get(i % 2);
            Http.Response lead = node.post("/leads", admin, Map.of("name", "Hot lead " + i, "region", "West"));
            assertStatus(201, null, lead);
            String id = lead.json().get("id").asText();
            assertStatus(200, null, node.put("/pooled/lead/" + id, admin, Map.of("poolId", pool)));
            leads.add(id);
        }

        // Round one: every dealer, through both nodes, goes after every lead.
        Map<String, Integer> wins = claimRace(nodes, dealers, leads);
        Map<String, String> holders = holders(http, admin, leads);
        assertEquals("one holder per win: " + wins, wins.values().stream().mapToInt(Integer::intValue).sum(),
            holders.size());
        for (Dealer dealer : dealers) {
            long held = holders.values().stream().filter(dealer.userId()::equals).count();
            assertEquals(dealer.userId(), (long) wins.getOrDefault(dealer.userId(), 0), held);
            assertTrue(dealer.userId() + " holds " + held, held <= USER_CAP);
        }
        Map<String, Long> byCompany = byCompany(holders, dealers);
        for (String company : byCompany.keySet()) {
            assertEquals("company " + company + " holds exactly its cap", COMPANY_CAP, (long) byCompany.get(company));
        }
        assertEquals(COMPANIES, byCompany.size());

        // Round two: everything goes back (through either node), and everybody tries again: the daily limit decides.
        int n = 0;
        for (Map.Entry<String, String> held : holders.entrySet()) {
            Dealer holder = dealers.stream().filter(d -> d.userId().equals(held.getValue())).findFirst().orElseThrow();
            assertStatus(200, null, nodes.get(n++ % 2).post("/pooled/lead/" + held.getKey() + "/return",
                holder.token(), Map.of("reason", "round two")));
        }
        Map<String, Integer> secondWins = claimRace(nodes, dealers, leads);
        Map<String, String> secondHolders = holders(http, admin, leads);
        Assume.assumeTrue("the day changed during the test: the daily counters started again",
            day.equals(LocalDate.now(ZoneOffset.UTC)));
        for (Dealer dealer : dealers) {
            int total = wins.getOrDefault(dealer.userId(), 0) + secondWins.getOrDefault(dealer.userId(), 0);
            assertEquals(dealer.userId() + " claimed exactly its daily limit", DAILY_LIMIT, total);
        }
        // Each company's two dealers had 2 x 4 claims a day and used 5 in round one.
        byCompany(secondHolders, dealers).values().forEach(held -> assertEquals(2L * DAILY_LIMIT - COMPANY_CAP,
            (long) held));
        // The pool log: one CLAIMED entry per win, wherever it was won.
        int claimedEntries = 0;
        for (String lead : leads) {
            for (JsonNode entry : http.get("/pooled/lead/" + lead + "/history", admin).json()) {
                if ("CLAIMED".equals(entry.get("action").asText())) {
                    claimedEntries++;
                }
            }
        }
        assertEquals(dealers.size() * DAILY_LIMIT, claimedEntries);
    }

    /**
     * 16 claimers (each dealer through each node) try every lead in an order of their own; a claim is won (200) or
     * lost with 409 (held meanwhile, a cap or the daily limit) or 404 (held by another company: out of sight). The
     * wins per user.
     */
    private static Map<String, Integer> claimRace(List<Http> nodes, List<Dealer> dealers, List<String> leads)
            throws Exception {
        Map<String, Integer> wins = new ConcurrentHashMap<>();
        Set<String> unexpected = ConcurrentHashMap.newKeySet();
        List<Callable<Void>> claimers = new ArrayList<>();
        AtomicInteger seed = new AtomicInteger();
        for (Dealer dealer : dealers) {
            for (Http node : nodes) {
                Random random = new Random(seed.incrementAndGet());
                claimers.add(() -> {
                    List<String> order = new ArrayList<>(leads);
                    Collections.shuffle(order, random);
                    for (String lead : order) {
                        Http.Response claim = node.post("/pooled/lead/" + lead + "/claim", dealer.token(), null);
                        if (claim.status() == 200) {
                            wins.merge(dealer.userId(), 1, Integer::sum);
                        } else if (claim.status() != 409 && claim.status() != 404) {
                            unexpected.add(claim.toString());
                        }
                    }
                    return null;
                });
            }
        }
        runAll(claimers);
        assertEquals(Set.of(), unexpected);
        return new HashMap<>(wins);
    }

    /** Lead id to holder user of the held leads, as the upstream reads them. */
    private static Map<String, String> holders(Http http, String admin, List<String> leads) {
        Map<String, String> holders = new HashMap<>();
        for (String lead : leads) {
            JsonNode where = http.get("/pooled/lead/" + lead, admin).json();
            if ("HELD".equals(where.get("state").asText())) {
                holders.put(lead, where.get("holderUserId").asText());
            }
        }
        return holders;
    }

    private static Map<String, Long> byCompany(Map<String, String> holders, List<Dealer> dealers) {
        Map<String, Long> held = new TreeMap<>();
        for (String user : holders.values()) {
            String company = dealers.stream().filter(d -> d.userId().equals(user)).findFirst().orElseThrow().companyId();
            held.merge(company, 1L, Long::sum);
        }
        return held;
    }

    /** Leads entering a round-robin pool through both nodes at once are dealt out in exact turns. */
    private void turns(List<Http> nodes, String admin, List<String> companies, List<Dealer> dealers) throws Exception {
        Http http = nodes.get(0);
        Http.Response created = http.post("/pools", admin, Map.of("name", "Turns", "object", "lead",
            "members", List.of(Map.of("kind", "ROLE", "id", "dealer-personnel"))));
        assertStatus(201, null, created);
        String pool = created.json().get("id").asText();
        assertStatus(200, null, http.put("/pools/" + pool + "/rules", admin, List.of(Map.of("name", "In turn",
            "strategy", "ROUND_ROBIN", "targets", companies.stream().map(c -> Map.of("kind", "COMPANY", "id", c))
                .toList()))));
        List<String> leads = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> putters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Http node = nodes.get(t % 2);
            int putter = t;
            putters.add(() -> {
                for (int i = 0; i < LEADS / 4; i++) {
                    Http.Response lead = node.post("/leads", admin, Map.of("name", "Turn lead " + putter + "-" + i));
                    assertStatus(201, null, lead);
                    String id = lead.json().get("id").asText();
                    assertStatus(200, null, node.put("/pooled/lead/" + id, admin, Map.of("poolId", pool)));
                    leads.add(id);
                }
                return null;
            });
        }
        runAll(putters);
        Map<String, String> holders = holders(http, admin, leads);
        assertEquals(LEADS, holders.size());
        Map<String, Long> perCompany = byCompany(holders, dealers);
        for (String company : companies) {
            assertEquals("company " + company + ": " + perCompany, LEADS / COMPANIES, (long) perCompany.get(company));
        }
        for (Dealer dealer : dealers) {
            assertEquals("each company's users in turn", LEADS / dealers.size(),
                holders.values().stream().filter(dealer.userId()::equals).count());
        }
    }

    /**
     * What the upstream changes on one node governs the other node's next request, with no wait: a data scope (read
     * per request) and a pool's mode (each node keeps the pool's definition per version, PoolDefinitions).
     */
    private void changesGovernTheOtherNode(List<Http> nodes, String admin, List<Dealer> dealers) {
        Http first = nodes.get(0);
        Http second = nodes.get(1);
        Dealer owner = dealers.get(0);
        Dealer other = dealers.stream().filter(d -> !d.companyId().equals(owner.companyId())).findFirst().orElseThrow();
        Http.Response created = first.post("/leads", owner.token(), Map.of("name", "Owner's own lead"));
        assertStatus(201, null, created);
        String lead = created.json().get("id").asText();

        // The other company's dealer: private (out of sight), then public read-only, then private again.
        assertStatus(404, null, second.get("/leads/" + lead, other.token()));
        assertStatus(200, null, first.put("/access/scopes/lead", admin,
            Map.of("scope", "PUBLIC_READ_ONLY", "companyIds", List.of(other.companyId()))));
        assertStatus(200, null, second.get("/leads/" + lead, other.token()));
        assertStatus(200, null, first.put("/access/scopes/lead", admin,
            Map.of("scope", "PRIVATE", "companyIds", List.of(other.companyId()))));
        assertStatus(404, null, second.get("/leads/" + lead, other.token()));

        // A pool the second node has claimed from becomes assign-only on the first node: the next claim is refused.
        Http.Response pool = second.post("/pools", admin, Map.of("name", "Members", "object", "lead",
            "members", List.of(Map.of("kind", "ROLE", "id", "dealer-personnel"))));
        assertStatus(201, null, pool);
        String poolId = pool.json().get("id").asText();
        List<String> pooled = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Http.Response waiting = second.post("/leads", admin, Map.of("name", "Members lead " + i));
            assertStatus(201, null, waiting);
            pooled.add(waiting.json().get("id").asText());
            assertStatus(200, null, second.put("/pooled/lead/" + pooled.get(i), admin, Map.of("poolId", poolId)));
        }
        assertStatus(200, null, second.post("/pooled/lead/" + pooled.get(0) + "/claim", other.token(), null));
        assertStatus(200, null, first.put("/pools/" + poolId, admin, Map.of("name", "Members", "object", "lead",
            "mode", "ADMIN_ASSIGN", "members", List.of(Map.of("kind", "ROLE", "id", "dealer-personnel")))));
        assertStatus(403, "assign_only", second.post("/pooled/lead/" + pooled.get(1) + "/claim", other.token(),
            null));
    }

    private static void runAll(List<Callable<Void>> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<Void>> done = threads.invokeAll(work);
            for (Future<Void> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
