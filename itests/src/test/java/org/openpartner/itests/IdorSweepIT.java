package org.openpartner.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;

/**
 * The IDOR sweep of issue 4: a user of one company calls every endpoint the API publishes (read from its own OpenAPI
 * description, so a new endpoint is swept without a change here) with the ids of another company's records, and with
 * ids that exist nowhere. The two answers must be the same (so the answer tells nothing, not even that the record
 * exists), nothing of the other company may appear in any answer, and the other company's records must be
 * unchanged afterwards. Ids are also passed where bodies and query strings carry them (parents, team members, rule
 * sources, scope companies, app enablement, explain).
 */
public class IdorSweepIT extends OpenPartnerTestSupport {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** Path parameters that name a kind of thing that exists for every tenant (not a record): one value for both runs. */
    private static final Map<String, String> NAMES = Map.of(
        "object", "test-widget", "name", "test-widget", "recordType", "default");

    /** The records of one company (and its upstream) that another user must not reach: ids by kind. */
    private record Victim(Tenant upstream, Map<String, String> ids, List<String> marks, Function<Http, Map<String, String>> snapshot) {
    }

    @Test
    public void anUpstreamReachesNothingOfAnotherUpstream() {
        Http http = api();
        withWidgets(http, () -> {
            Victim victim = victim(http);
            Tenant attacker = newChannel(http);
            JsonNode own = connectNew(http, attacker, "Own dealer " + attacker.suffix(), newMobile());
            Map<String, String> mine = Map.of(
                "partner", own.get("connection").get("partnerId").asText(),
                "company", own.get("connection").get("companyId").asText(),
                "widget", createWidget(http, attacker.adminToken(), "Own widget " + attacker.suffix(), 1),
                "user", newEmployee(http, attacker).id(),
                "group", http.post("/access/groups", attacker.adminToken(), Map.of("name", "Own group"))
                    .json().get("id").asText(),
                "pool", http.post("/pools", attacker.adminToken(), Map.of("name", "Own pool", "object", "lead"))
                    .json().get("id").asText());
            sweep(http, attacker.adminToken(), victim, mine);
        });
    }

    @Test
    public void aDealerReachesNothingOfAnotherCompanyOfItsUpstream() {
        Http http = api();
        withWidgets(http, () -> {
            Victim victim = victim(http);
            Tenant upstream = victim.upstream();
            String mobile = newMobile();
            JsonNode own = connectNew(http, upstream, "Dealer A " + upstream.suffix(), mobile);
            String dealer = dealersOf(http, upstream, own, mobile).get(0);
            Map<String, String> mine = Map.of(
                "partner", own.get("connection").get("partnerId").asText(),
                "company", own.get("connection").get("companyId").asText(),
                "widget", createWidget(http, dealer, "A widget " + upstream.suffix(), 1),
                "user", userId(http, dealer));
            // Dealer A may do everything with widgets; all it lacks is visibility of company B's.
            assertTrue(widgetNames(http, dealer).stream().noneMatch(name -> name.startsWith("Victim")));
            sweep(http, dealer, victim, mine);
        });
    }

    /**
     * An upstream with a dealer company B and one record of every kind that has an endpoint: B's partner, contact,
     * connection, dealer user and widget (team, hidden flag), an announcement enabled for B only, a custom role, a
     * sharing rule, an employee, an invitation code with a pending connection request, and an import job.
     */
    private Victim victim(Http http) {
        Tenant upstream = newChannel(http);
        String admin = upstream.adminToken();
        String suffix = upstream.suffix();
        String mobile = newMobile();
        JsonNode b = connectNew(http, upstream, "Victim B " + suffix, mobile);
        String dealerB = dealersOf(http, upstream, b, mobile).get(0);
        String partner = b.get("connection").get("partnerId").asText();
        String company = b.get("connection").get("companyId").asText();
        String connection = b.get("connection").get("id").asText();
        String dealerUser = userId(http, dealerB);
        assertStatus(200, null, http.put("/access/roles/dealer-personnel/permissions/test-widget", admin,
            Map.of("actions", List.of("view", "create", "edit", "delete"))));
        String widget = createWidget(http, dealerB, "Victim widget " + suffix, 7);
        Http.Response lead = http.post("/leads", dealerB, Map.of("name", "Victim lead " + suffix, "mobile", mobile));
        assertStatus(201, null, lead);
        String leadId = lead.json().get("id").asText();
        assertStatus(201, null, http.post("/leads/" + leadId + "/follow-ups", dealerB, Map.of("kind", "NOTE",
            "note", "Victim note " + suffix)));
        Http.Response account = http.post("/accounts", dealerB, Map.of("name", "Victim account " + suffix,
            "registrationId", "VIC " + suffix));
        assertStatus(201, null, account);
        String accountId = account.json().get("id").asText();
        assertStatus(201, null, http.post("/accounts/" + accountId + "/contacts", dealerB, Map.of("name",
            "Victim contact " + suffix)));
        assertStatus(201, null, http.post("/records/test-widget/" + widget + "/partners", admin,
            Map.of("companyId", company, "access", "READ")));
        String contact = http.get("/partners/" + partner + "/contacts", admin).json().get(0).get("id").asText();

        Http.Response announcement = http.post("/announcements", admin, Map.of("title", "Victim news " + suffix, "body", "Only for B."));
        assertStatus(201, null, announcement);
        assertStatus(200, null, http.post("/apps/announcements/enablement", admin, Map.of("partnerIds", List.of(partner), "enabled", true)));
        String role = "victim-role-" + suffix;
        assertStatus(201, null, http.post("/access/roles", admin, Map.of("key", role, "name", "Victim role " + suffix)));
        // B's records to a role nobody holds: a rule of the victim's that gives the attacker nothing.
        Http.Response rule = http.post("/access/sharing-rules", admin, Map.of("object", "test-widget",
            "sourceKind", "COMPANY", "source", company, "targetKind", "ROLE", "target", role));
        assertStatus(201, null, rule);
        Employee employee = newEmployee(http, upstream);
        Http.Response group = http.post("/access/groups", admin, Map.of("name", "Victim group " + suffix));
        assertStatus(201, null, group);
        String groupId = group.json().get("id").asText();
        assertStatus(200, null, http.post("/access/groups/" + groupId + "/members", admin,
            Map.of("userIds", List.of(dealerUser))));

        Http.Response pool = http.post("/pools", admin, Map.of("name", "Victim pool " + suffix, "object", "lead",
            "members", List.of(Map.of("kind", "COMPANY", "id", company))));
        assertStatus(201, null, pool);

        JsonNode code = http.post("/invitation-codes", admin, Map.of("maxUses", 2, "validDays", 3)).json();
        Tenant requester = newTenant(http);
        Http.Response request = http.post("/upstreams/requests", requester.adminToken(), Map.of("code", code.get("code").asText()));
        assertStatus(201, null, request);
        Http.Response imported = http.upload("/imports?fileName=victims.csv", admin, "text/csv",
            ("Company Name,Partner Type,Level,Contact Name,Mobile,Email,System Admin,Apps\r\nVictim C " + suffix
                + ",dealer,,Carol Victim," + newMobile() + ",,yes,\r\n").getBytes(StandardCharsets.UTF_8));
        assertStatus(202, null, imported);

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("partner", partner);
        ids.put("company", company);
        ids.put("contact", contact);
        ids.put("connection", connection);
        ids.put("user", dealerUser);
        ids.put("employee", employee.id());
        ids.put("widget", widget);
        ids.put("announcement", announcement.json().get("id").asText());
        ids.put("role", role);
        ids.put("rule", rule.json().get("id").asText());
        ids.put("code", code.get("invitation").get("id").asText());
        ids.put("request", request.json().get("id").asText());
        ids.put("import", imported.json().get("job").get("id").asText());
        ids.put("enterprise", company);
        ids.put("group", groupId);
        ids.put("lead", leadId);
        ids.put("account", accountId);
        ids.put("pool", pool.json().get("id").asText());
        // What no answer to someone else may contain: the names of B's records.
        List<String> marks = List.of("Victim B " + suffix, "Victim widget " + suffix, "Victim news " + suffix,
            "Victim role " + suffix, "Victim group " + suffix, "Victim lead " + suffix, "Victim note " + suffix, "Victim pool " + suffix, "Carol Victim", "Victim C " + suffix, mobile,
            "Victim account " + suffix, "Victim contact " + suffix);
        Function<Http, Map<String, String>> snapshot = client -> {
            Map<String, String> state = new LinkedHashMap<>();
            for (String path : List.of("/partners/" + partner, "/partners/" + partner + "/contacts",
                "/partners/" + partner + "/hierarchy", "/connections/" + connection, "/connections/" + connection + "/members",
                "/announcements/" + ids.get("announcement"), "/access/roles/" + role + "/permissions",
                "/access/sharing-rules", "/access/scopes/test-widget", "/users/" + employee.id(), "/invitation-codes",
                "/connection-requests", "/imports/" + ids.get("import"), "/apps/announcements",
                "/records/test-widget/" + widget + "/team", "/records/test-widget/" + widget + "/hidden-from-parents",
                "/access/groups/" + groupId, "/access/groups/" + groupId + "/members",
                "/records/test-widget/" + widget + "/partners", "/leads/" + leadId, "/leads/" + leadId + "/follow-ups", "/pools/" + ids.get("pool"),
                "/pooled/lead/" + leadId, "/accounts/" + accountId, "/accounts/" + accountId + "/contacts",
                "/leads/" + leadId + "/conversion")) {
                state.put(path, client.get(path, admin).body());
            }
            state.put("widget", client.get("/test-widgets/" + widget, dealerB).body());
            return state;
        };
        return new Victim(upstream, ids, marks, snapshot);
    }

    /**
     * Calls every published endpoint with a path parameter twice, once with the victim's ids and once with ids that
     * exist nowhere, then the endpoints that take ids in a body or query; compares the answers; and checks that the
     * victim's records did not change.
     */
    private void sweep(Http http, String token, Victim victim, Map<String, String> mine) {
        Map<String, String> before = victim.snapshot().apply(http);
        Map<String, String> nowhere = new HashMap<>();
        victim.ids().forEach((kind, id) -> nowhere.put(kind, "role".equals(kind)
            ? "no-such-role-" + UUID.randomUUID().toString().substring(0, 8) : UUID.randomUUID().toString()));

        JsonNode paths = http.get("/openapi.json", null).json().get("paths");
        assertTrue("the add-on's endpoints are described", paths.has("/test-widgets/{id}"));
        List<String> failures = new ArrayList<>();
        int swept = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String template = entry.getKey();
            if (!template.contains("{") || template.startsWith("/docs/")) {
                continue;
            }
            for (Iterator<String> methods = entry.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                if (!List.of("GET", "PUT", "POST", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                Map<String, String> theirs = new LinkedHashMap<>();
                String path = fill(template, victim.ids(), theirs);
                if (path == null) {
                    failures.add(method + " " + template + ": the sweep has no victim id for one of its parameters: add one");
                    continue;
                }
                if (theirs.isEmpty()) {
                    continue; // only names every tenant shares (an object's metadata, an app)
                }
                Map<String, String> none = new LinkedHashMap<>();
                String missing = fill(template, nowhere, none);
                Object body = body(method, template, mine);
                compare(http, token, victim, method + " " + template, method, path, missing, body, body, theirs, none, failures);
                swept++;
            }
        }
        assertTrue("the sweep reached the endpoints: " + swept, swept >= 50);

        // Ids in bodies and query strings, with the caller's own record in the path.
        String partner = victim.ids().get("partner");
        String company = victim.ids().get("company");
        String user = victim.ids().get("user");
        String widget = victim.ids().get("widget");
        Map<String, String> theirs = Map.of(partner, "<partner>", company, "<company>", user, "<user>", widget, "<widget>");
        String nowherePartner = UUID.randomUUID().toString();
        String nowhereCompany = UUID.randomUUID().toString();
        String nowhereUser = UUID.randomUUID().toString();
        String nowhereWidget = UUID.randomUUID().toString();
        Map<String, String> none = Map.of(nowherePartner, "<partner>", nowhereCompany, "<company>", nowhereUser, "<user>",
            nowhereWidget, "<widget>");
        compare(http, token, victim, "parent partner", "PUT", "/partners/" + mine.get("partner") + "/parent",
            "/partners/" + mine.get("partner") + "/parent", Map.of("parentPartnerId", partner),
            Map.of("parentPartnerId", nowherePartner), theirs, none, failures);
        compare(http, token, victim, "app enablement", "POST", "/apps/announcements/enablement", "/apps/announcements/enablement",
            Map.of("partnerIds", List.of(partner), "enabled", false),
            Map.of("partnerIds", List.of(nowherePartner), "enabled", false), theirs, none, failures);
        compare(http, token, victim, "team member", "POST", "/records/test-widget/" + mine.get("widget") + "/team",
            "/records/test-widget/" + mine.get("widget") + "/team", Map.of("userId", user, "access", "WRITE"),
            Map.of("userId", nowhereUser, "access", "WRITE"), theirs, none, failures);
        compare(http, token, victim, "partner team company", "POST", "/records/test-widget/" + mine.get("widget") + "/partners",
            "/records/test-widget/" + mine.get("widget") + "/partners", Map.of("companyId", company),
            Map.of("companyId", nowhereCompany), theirs, none, failures);
        compare(http, token, victim, "scope company", "PUT", "/access/scopes/test-widget", "/access/scopes/test-widget",
            Map.of("scope", "PUBLIC_READ_WRITE", "companyIds", List.of(company)),
            Map.of("scope", "PUBLIC_READ_WRITE", "companyIds", List.of(nowhereCompany)), theirs, none, failures);
        compare(http, token, victim, "rule source", "POST", "/access/sharing-rules", "/access/sharing-rules",
            Map.of("object", "test-widget", "sourceKind", "COMPANY", "source", company, "targetKind", "COMPANY",
                "target", mine.get("company"), "access", "WRITE"),
            Map.of("object", "test-widget", "sourceKind", "COMPANY", "source", nowhereCompany, "targetKind", "COMPANY",
                "target", mine.get("company"), "access", "WRITE"), theirs, none, failures);
        compare(http, token, victim, "rule target", "POST", "/access/sharing-rules", "/access/sharing-rules",
            Map.of("object", "test-widget", "sourceKind", "COMPANY", "source", mine.get("company"), "targetKind", "USER",
                "target", user),
            Map.of("object", "test-widget", "sourceKind", "COMPANY", "source", mine.get("company"), "targetKind", "USER",
                "target", nowhereUser), theirs, none, failures);
        String group = victim.ids().get("group");
        String nowhereGroup = UUID.randomUUID().toString();
        Map<String, String> theirGroup = Map.of(group, "<group>", user, "<user>");
        Map<String, String> noGroup = Map.of(nowhereGroup, "<group>", nowhereUser, "<user>");
        compare(http, token, victim, "rule source group", "POST", "/access/sharing-rules", "/access/sharing-rules",
            Map.of("object", "test-widget", "sourceKind", "GROUP", "source", group, "targetKind", "COMPANY",
                "target", mine.get("company")),
            Map.of("object", "test-widget", "sourceKind", "GROUP", "source", nowhereGroup, "targetKind", "COMPANY",
                "target", mine.get("company")), theirGroup, noGroup, failures);
        compare(http, token, victim, "rule target group", "POST", "/access/sharing-rules", "/access/sharing-rules",
            Map.of("object", "test-widget", "sourceKind", "COMPANY", "source", mine.get("company"), "targetKind", "GROUP",
                "target", group),
            Map.of("object", "test-widget", "sourceKind", "COMPANY", "source", mine.get("company"), "targetKind", "GROUP",
                "target", nowhereGroup), theirGroup, noGroup, failures);
        String ownGroup = mine.getOrDefault("group", nowhereGroup);
        compare(http, token, victim, "group member", "POST", "/access/groups/" + ownGroup + "/members",
            "/access/groups/" + ownGroup + "/members", Map.of("userIds", List.of(user)),
            Map.of("userIds", List.of(nowhereUser)), theirGroup, noGroup, failures);
        compare(http, token, victim, "explain record", "GET",
            "/access/explain?user=" + mine.get("user") + "&object=test-widget&record=" + widget,
            "/access/explain?user=" + mine.get("user") + "&object=test-widget&record=" + nowhereWidget,
            null, null, theirs, none, failures);
        compare(http, token, victim, "explain user", "GET",
            "/access/explain?user=" + user + "&object=test-widget&record=" + mine.get("widget"),
            "/access/explain?user=" + nowhereUser + "&object=test-widget&record=" + mine.get("widget"),
            null, null, theirs, none, failures);
        compare(http, token, victim, "tree root", "GET", "/hierarchy/tree?root=" + partner, "/hierarchy/tree?root=" + nowherePartner,
            null, null, theirs, none, failures);

        assertEquals("answers that tell the victim's records apart from none", List.of(), failures);
        assertEquals("the victim's records are unchanged", before, victim.snapshot().apply(http));
    }

    /** The path with each parameter replaced by the id of its kind; records each id's placeholder in {@code used}. */
    private static String fill(String template, Map<String, String> ids, Map<String, String> used) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            // Pooled records are leads; everything else generic is the test add-on's widget.
            String value = template.startsWith("/pooled/") && "object".equals(name) ? "lead" : NAMES.get(name);
            if (value == null) {
                String kind = kind(template, name);
                if (kind == null) {
                    return null;
                }
                value = kind.startsWith("=") ? kind.substring(1) : ids.get(kind);
                if (!kind.startsWith("=")) {
                    used.put(value, "<" + kind + ">");
                }
            }
            parameter.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    /** Which kind of record a path parameter names; "=value" for a name every tenant shares. */
    private static String kind(String template, String parameter) {
        String first = template.substring(1).split("/")[0];
        switch (parameter) {
            case "contactId":
                return "contact";
            case "userId":
            case "user":
                return "user";
            case "appId":
                return "=announcements";
            case "connectionId":
                return "connection";
            case "companyId":
                return "company";
            case "role":
                return "role";
            case "id":
                break;
            default:
                return null;
        }
        switch (first) {
            case "partners":
                return "partner";
            case "connections":
                return "connection";
            case "announcements":
            case "portal":
                return "announcement";
            case "users":
                return "employee";
            case "records":
            case "test-widgets":
                return "widget";
            case "access":
                return template.startsWith("/access/groups/") ? "group" : "rule";
            case "invitation-codes":
                return "code";
            case "connection-requests":
                return "request";
            case "imports":
                return "import";
            case "leads":
            case "pooled":
                return "lead";
            case "pools":
                return "pool";
            case "accounts":
                return "account";
            case "notices":
                // Only days of idleness send a notice (NoticeServiceImplTest reads another user's as 404): skipped.
                return "=no-notice-of-the-victim";
            case "enterprises":
                return "enterprise";
            case "apps":
                return "=announcements";
            default:
                return null;
        }
    }

    /** A body that would be accepted for the caller's own record, so that only the id decides the answer. */
    private static Object body(String method, String template, Map<String, String> mine) {
        if (!method.equals("PUT") && !method.equals("POST")) {
            return null;
        }
        switch (template) {
            case "/partners/{id}":
            case "/partners/{id}/contacts/{contactId}":
            case "/test-widgets/{id}":
                return Map.of("name", "Taken over");
            case "/partners/{id}/contacts":
                return contact("Mallory", newMobile(), false);
            case "/partners/{id}/parent":
                return Map.of("parentPartnerId", mine.get("partner"));
            case "/announcements/{id}":
                return Map.of("title", "Taken over", "body", "Taken over");
            case "/records/{object}/{id}/team":
                return Map.of("userId", mine.get("user"), "access", "WRITE");
            case "/records/{object}/{id}/partners":
                return Map.of("companyId", mine.get("company"), "access", "WRITE");
            case "/records/{object}/{id}/hidden-from-parents":
                return Map.of("hidden", true);
            case "/access/roles/{role}/permissions/{object}":
                return Map.of("actions", List.of("view", "create", "edit", "delete"));
            case "/access/groups/{id}":
            case "/leads/{id}":
                return Map.of("name", "Taken over");
            case "/accounts/{id}":
            case "/accounts/{id}/contacts":
                return Map.of("name", "Taken over");
            case "/leads/{id}/convert":
                return Map.of();
            case "/leads/{id}/status":
                return Map.of("status", "INVALID", "reason", "Taken over");
            case "/leads/{id}/follow-ups":
                return Map.of("kind", "CALL");
            case "/pools/{id}":
                return Map.of("name", "Taken over", "object", "lead");
            case "/pooled/{object}/{id}":
                return Map.of("poolId", mine.getOrDefault("pool", "no-pool-of-mine"), "reason", "Taken over");
            case "/pooled/{object}/{id}/assign":
                return Map.of("userId", mine.get("user"), "reason", "Taken over");
            case "/pooled/{object}/{id}/return":
            case "/pooled/{object}/{id}/submit":
                return Map.of("reason", "Taken over");
            case "/access/groups/{id}/members":
                return Map.of("userIds", List.of(mine.get("user")));
            case "/upstreams/{connectionId}/connectors":
                return Map.of("userIds", List.of(mine.get("user")));
            case "/connection-requests/{id}/reject":
                return Map.of("reason", "Taken over");
            default:
                return Map.of();
        }
    }

    private static void compare(Http http, String token, Victim victim, String label, String method, String theirPath,
                                String nonePath, Object theirBody, Object noneBody, Map<String, String> theirs,
                                Map<String, String> none, List<String> failures) {
        Http.Response toTheirs = call(http, method, theirPath, token, theirBody);
        Http.Response toNone = call(http, method, nonePath, token, noneBody);
        // The same answer as for an id that exists nowhere: a refusal, or a success that did nothing (a bulk change
        // that lists the id as a failure, an explanation that finds no record). Whether it changed nothing is checked
        // on the victim's records afterwards.
        if (toTheirs.status() >= 500) {
            failures.add(label + ": " + toTheirs);
        } else if (toTheirs.status() != toNone.status()
            || !normalized(toTheirs.body(), theirs).equals(normalized(toNone.body(), none))) {
            failures.add(label + ": " + toTheirs + " but for no record: " + toNone);
        }
        for (String mark : victim.marks()) {
            if (toTheirs.body().contains(mark)) {
                failures.add(label + ": the answer names the victim's " + mark + ": " + toTheirs);
            }
        }
        assertFalse(label + " leaks a stack trace: " + toTheirs, toTheirs.body().contains("\tat "));
    }

    private static String normalized(String body, Map<String, String> ids) {
        String result = body;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            result = result.replace(id.getKey(), id.getValue());
        }
        return result;
    }

    private static Http.Response call(Http http, String method, String path, String token, Object body) {
        switch (method) {
            case "GET":
                return http.get(path, token);
            case "DELETE":
                return http.delete(path, token);
            case "PUT":
                return http.put(path, token, body);
            case "POST":
                return http.post(path, token, body);
            default:
                throw new AssertionError("no such method in the sweep: " + method + " " + path);
        }
    }
}
