package org.openpartner.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;

/**
 * Accounts (SPEC S7) and lead conversion (S6) through REST and the console: the upstream imports a business-info data
 * set, dealers look customers up, create accounts with unique registration ids, convert leads into accounts, contacts
 * and opportunity placeholders, and claim accounts from account pools, each seeing exactly what the access model
 * allows.
 */
public class AccountIT extends OpenPartnerTestSupport {

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void dealersLookUpCreateAndConvertIntoAccounts() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String admin = upstream.adminToken();
        String mobileA = newMobile();
        String mobileB = newMobile();
        JsonNode a = connectNew(http, upstream, "Oscar " + upstream.suffix(), mobileA);
        String alpha = dealersOf(http, upstream, a, mobileA).get(0);
        JsonNode b = connectNew(http, upstream, "Papa " + upstream.suffix(), mobileB);
        String bravo = dealersOf(http, upstream, b, mobileB).get(0);
        String companyB = b.get("connection").get("companyId").asText();

        // The data set: a wrong row refuses the whole file, naming its line; dealers may not import.
        Http.Response refused = http.upload("/business-info/import", admin, "text/csv", csv(
            "Tax ID,Company Name,Industry,Region,Address\r\nDE 811 000 001,Contoso GmbH,Retail,West,1 Main St\r\n"
                + "#bad,Broken Ltd,,,\r\n"));
        assertStatus(422, "import_rejected", refused);
        assertEquals(3, refused.json().get("line").asInt());
        assertEquals("registrationId", refused.json().get("field").asText());
        assertStatus(403, null, http.upload("/business-info/import", alpha, "text/csv", csv("registrationId,name\r\n1,X\r\n")));
        assertEquals(0, http.get("/business-info?name=Conto", alpha).json().size());
        Http.Response imported = http.upload("/business-info/import", admin, "text/csv", csv(
            "Tax ID,Company Name,Industry,Region,Address\r\nDE 811 000 001,Contoso GmbH,Retail,West,1 Main St\r\n"
                + "DE-811-000-002,Contoso Logistics,Transport,East,\r\nDE 811 000 003,Fabrikam AG,Retail,West,\r\n"));
        assertStatus(201, null, imported);
        assertEquals(3, imported.json().get("added").asInt());

        // Lookup by name prefix and by id, whatever the separators; the data set is the upstream's alone.
        JsonNode found = http.get("/business-info?name=conto", alpha).json();
        assertEquals(List.of("Contoso GmbH", "Contoso Logistics"), nameValues(found));
        assertEquals("imported", found.get(0).get("source").asText());
        JsonNode byId = http.get("/business-info?registrationId=de811000001", bravo).json();
        assertEquals("1 Main St", byId.get(0).get("address").asText());
        assertStatus(400, "required", http.get("/business-info", alpha));
        assertEquals(0, http.get("/business-info?name=Conto", newChannel(http).adminToken()).json().size());

        // A dealer creates the account the lookup filled; the registration id is unique in the channel.
        JsonNode info = found.get(0);
        Http.Response created = http.post("/accounts", alpha, Map.of("name", info.get("name").asText(),
            "registrationId", info.get("registrationId").asText(), "industry", info.get("industry").asText(),
            "region", info.get("region").asText(), "address", info.get("address").asText()));
        assertStatus(201, null, created);
        String account = created.json().get("id").asText();
        assertEquals(a.get("connection").get("companyId").asText(), created.json().get("ownerCompanyId").asText());
        Http.Response taken = http.post("/accounts", bravo, Map.of("name", "Contoso", "registrationId", "de-811-000-001"));
        assertStatus(409, "duplicate_registration_id", taken);
        assertFalse("another company's account is not named: " + taken.body(), taken.body().contains(account));
        Http.Response takenForAdmin = http.post("/accounts", admin, Map.of("name", "Contoso", "registrationId",
            "DE811000001"));
        assertStatus(409, "duplicate_registration_id", takenForAdmin);
        assertTrue("the upstream reads it, so it is named", takenForAdmin.body().contains(account));
        assertStatus(400, "invalid_registration_id", http.post("/accounts", alpha, Map.of("name", "X",
            "registrationId", "=1+2")));

        // Private by default: the other dealer gets 404 until its company joins the account's partner team.
        assertStatus(404, null, http.get("/accounts/" + account, bravo));
        assertStatus(404, null, http.post("/accounts/" + account + "/contacts", bravo, Map.of("name", "Mallory")));
        Http.Response contact = http.post("/accounts/" + account + "/contacts", alpha, Map.of("name", "Dana Buyer",
            "title", "Purchasing", "mobile", "+1 415 555 0177"));
        assertStatus(201, null, contact);
        assertEquals("+14155550177", contact.json().get("mobile").asText());
        assertStatus(201, null, http.post("/records/account/" + account + "/partners", admin,
            Map.of("companyId", companyB, "access", "READ")));
        assertEquals("Contoso GmbH", http.get("/accounts/" + account, bravo).json().get("name").asText());
        assertEquals(List.of("Dana Buyer"), nameValues(http.get("/accounts/" + account + "/contacts", bravo).json()));
        assertStatus(403, "record_read_only", http.put("/accounts/" + account, bravo, Map.of("region", "East")));

        // Conversion: a lead becomes an account (from the lead's prospect), a contact and an opportunity placeholder.
        String lead = http.post("/leads", alpha, Map.of("name", "Erin Prospect", "companyName", "Fabrikam AG",
            "mobile", "+14155550178", "email", "erin@fabrikam.example", "region", "West", "industry", "Retail"))
            .json().get("id").asText();
        assertStatus(201, null, http.post("/leads/" + lead + "/follow-ups", alpha, Map.of("kind", "VISIT")));
        int accountsBefore = http.get("/accounts", admin).json().get("items").size();
        assertStatus(400, "invalid_amount", http.post("/leads/" + lead + "/convert", alpha, Map.of("opportunity",
            Map.of("name", "Fabrikam rollout", "amount", 1.234))));
        assertStatus(400, "ambiguous_account", http.post("/leads/" + lead + "/convert", alpha, Map.of(
            "accountId", account, "account", Map.of("name", "X"))));
        // The account is written before the contact is refused: the unit takes both back.
        assertStatus(400, "invalid_email", http.post("/leads/" + lead + "/convert", alpha, Map.of(
            "contact", Map.of("email", "not-an-email"))));
        assertEquals("a refused conversion writes nothing", accountsBefore,
            http.get("/accounts", admin).json().get("items").size());
        assertEquals("FOLLOWING", http.get("/leads/" + lead, alpha).json().get("status").asText());
        assertStatus(404, null, http.post("/leads/" + lead + "/convert", bravo, Map.of()));
        Http.Response converted = http.post("/leads/" + lead + "/convert", alpha, Map.of(
            "account", Map.of("registrationId", "DE 811 000 003"),
            "opportunity", Map.of("name", "Fabrikam rollout", "amount", 12000.5, "expectedCloseDate", "2027-03-31")));
        assertStatus(201, null, converted);
        JsonNode conversion = converted.json();
        assertEquals(0, new java.math.BigDecimal("12000.50").compareTo(conversion.get("opportunity").get("amount")
            .decimalValue()));
        assertEquals("2027-03-31", conversion.get("opportunity").get("expectedCloseDate").asText());
        JsonNode newAccount = http.get("/accounts/" + conversion.get("accountId").asText(), alpha).json();
        assertEquals("Fabrikam AG", newAccount.get("name").asText());
        assertEquals("West", newAccount.get("region").asText());
        JsonNode person = http.get("/accounts/" + newAccount.get("id").asText() + "/contacts", alpha).json().get(0);
        assertEquals("Erin Prospect", person.get("name").asText());
        assertEquals("+14155550178", person.get("mobile").asText());
        assertEquals(conversion.get("contactId").asText(), person.get("id").asText());
        assertEquals("CONVERTED", http.get("/leads/" + lead, alpha).json().get("status").asText());
        assertEquals(conversion, http.get("/leads/" + lead + "/conversion", admin).json());
        assertStatus(409, "lead_closed", http.post("/leads/" + lead + "/convert", alpha, Map.of()));

        // Into an existing account; a registration id taken by a conversion is refused and nothing is half-written.
        String second = http.post("/leads", alpha, Map.of("name", "Frank Second", "companyName", "Contoso"))
            .json().get("id").asText();
        assertStatus(204, null, http.get("/leads/" + second + "/conversion", alpha));
        assertStatus(409, "duplicate_registration_id", http.post("/leads/" + second + "/convert", alpha,
            Map.of("account", Map.of("registrationId", "DE811000003"))));
        assertEquals("ASSIGNED", http.get("/leads/" + second, alpha).json().get("status").asText());
        Http.Response joined = http.post("/leads/" + second + "/convert", alpha, Map.of("accountId", account));
        assertStatus(201, null, joined);
        assertEquals(account, joined.json().get("accountId").asText());
        assertEquals(List.of("Dana Buyer", "Frank Second"), nameValues(http.get("/accounts/" + account + "/contacts",
            alpha).json()));

        // A field the dealer's roles hide on leads is not copied into the contact it creates.
        assertStatus(200, null, http.put("/access/roles/dealer-personnel/permissions/lead", admin, Map.of(
            "actions", List.of("view", "create", "edit", "convert"), "fields", Map.of("mobile", "HIDDEN"))));
        String hidden = http.post("/leads", admin, Map.of("name", "Gina Hidden", "mobile", "+14155550179"))
            .json().get("id").asText();
        assertStatus(201, null, http.post("/records/lead/" + hidden + "/partners", admin,
            Map.of("companyId", a.get("connection").get("companyId").asText(), "access", "WRITE")));
        Http.Response hiddenConverted = http.post("/leads/" + hidden + "/convert", alpha, Map.of("accountId", account));
        assertStatus(201, null, hiddenConverted);
        JsonNode gina = http.get("/accounts/" + account + "/contacts", admin).json().get(2);
        assertEquals("Gina Hidden", gina.get("name").asText());
        assertFalse("the hidden mobile stayed on the lead: " + gina, gina.has("mobile"));

        // The console lists the accounts and looks up the data set.
        String listed = adminCommand("account:list --tenant " + upstream.id());
        assertTrue(listed, listed.contains("Contoso GmbH") && listed.contains("Fabrikam AG"));
        String looked = adminCommand("account:lookup --tenant " + upstream.id() + " --name fabri");
        assertTrue(looked, looked.contains("DE 811 000 003") && looked.contains("imported"));
    }

    @Test
    public void accountPoolsHandAccountsToDealers() {
        Http http = api();
        Tenant upstream = newChannel(http);
        String admin = upstream.adminToken();
        String mobileA = newMobile();
        String mobileB = newMobile();
        JsonNode a = connectNew(http, upstream, "Quebec " + upstream.suffix(), mobileA);
        String alpha = dealersOf(http, upstream, a, mobileA).get(0);
        String bravo = dealersOf(http, upstream, connectNew(http, upstream, "Romeo " + upstream.suffix(), mobileB),
            mobileB).get(0);
        String companyA = a.get("connection").get("companyId").asText();

        Http.Response created = http.post("/pools", admin, Map.of("name", "Key accounts", "object", "account",
            "members", List.of(Map.of("kind", "ROLE", "id", "dealer-personnel")),
            "hiddenUntilClaimed", List.of("registrationId", "address"), "rules", Map.of("userHoldingCap", 1)));
        assertStatus(201, null, created);
        String pool = created.json().get("id").asText();
        String first = pooledAccount(http, admin, pool, "Northwind Traders", "US-1001", "North");
        String second = pooledAccount(http, admin, pool, "Tailwind Toys", "US-1002", "North");

        // Members see the waiting accounts without the hidden fields; a claim makes one theirs, whole.
        JsonNode waiting = http.get("/accounts?pool=" + pool, bravo).json().get("items");
        assertEquals(List.of("Tailwind Toys", "Northwind Traders"), nameValues(waiting));
        assertFalse("hidden until claimed: " + waiting, waiting.get(0).has("registrationId"));
        // Nor any other way: the waiting account's people wait for the claim too (its admins and the upstream read
        // them), and a guess at its registration id is told that the customer is taken, not which account has it.
        assertStatus(403, "hidden_until_claimed", http.get("/accounts/" + first + "/contacts", bravo));
        assertStatus(200, null, http.get("/accounts/" + first + "/contacts", admin));
        Http.Response guessed = http.post("/accounts", bravo, Map.of("name", "Guess", "registrationId", "US-1001"));
        assertStatus(409, "duplicate_registration_id", guessed);
        assertFalse(guessed.body(), guessed.body().contains(first));
        assertTrue(http.post("/accounts", admin, Map.of("name", "Again", "registrationId", "US-1001")).body()
            .contains(first));
        assertStatus(200, null, http.post("/pooled/account/" + first + "/claim", alpha, null));
        JsonNode mine = http.get("/accounts/" + first, alpha).json();
        assertEquals("US-1001", mine.get("registrationId").asText());
        assertEquals(companyA, mine.get("ownerCompanyId").asText());
        assertStatus(404, null, http.get("/accounts/" + first, bravo));
        assertStatus(409, "holding_cap_reached", http.post("/pooled/account/" + second + "/claim", alpha, null));
        assertStatus(200, null, http.post("/pooled/account/" + first + "/return", alpha, Map.of("reason", "not ours")));
        assertStatus(200, null, http.post("/pooled/account/" + second + "/claim", alpha, null));
        assertStatus(200, null, http.post("/pooled/account/" + second + "/return", alpha, Map.of("reason", "too far")));

        // A distribution rule hands accounts of the West to Quebec's company (its one dealer has room again).
        assertStatus(200, null, http.put("/pools/" + pool + "/rules", admin, List.of(Map.of("name", "West to Quebec",
            "strategy", "ROUND_ROBIN", "conditions", List.of(Map.of("field", "region", "operator", "IN",
                "values", List.of("West"))), "targets", List.of(Map.of("kind", "COMPANY", "id", companyA))))));
        Http.Response other = http.post("/accounts", admin, Map.of("name", "Wingtip West", "region", "West"));
        String west = other.json().get("id").asText();
        assertStatus(200, null, http.put("/pooled/account/" + west, admin, Map.of("poolId", pool)));
        assertEquals(companyA, http.get("/accounts/" + west, admin).json().get("ownerCompanyId").asText());
        assertTrue(http.get("/pooled/account/" + west + "/explain", admin).body().contains("West to Quebec"));
        assertTrue(adminCommand("account:list --tenant " + upstream.id() + " --pool " + pool).contains("Wingtip West"));
    }

    private static List<String> nameValues(JsonNode items) {
        List<String> names = new java.util.ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static String pooledAccount(Http http, String admin, String pool, String name, String registrationId,
                                        String region) {
        Http.Response created = http.post("/accounts", admin, Map.of("name", name, "registrationId", registrationId,
            "region", region, "address", "1 Harbour Rd"));
        assertStatus(201, null, created);
        String id = created.json().get("id").asText();
        assertStatus(200, null, http.put("/pooled/account/" + id, admin, Map.of("poolId", pool)));
        return id;
    }
}
