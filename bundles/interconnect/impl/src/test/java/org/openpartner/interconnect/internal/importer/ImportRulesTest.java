package org.openpartner.interconnect.internal.importer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.openpartner.interconnect.api.dto.RejectedRow;

/**
 * Every rejection reason of the import rules, one table row each: a file of two companies where the first row of
 * "Bad Co" carries the fault, so "Bad Co" is rejected whole and "Good Co" is imported.
 */
@RunWith(Parameterized.class)
public class ImportRulesTest {

    static final String HEADER = "company name,partner type,level,contact name,mobile,email,system admin,apps\n";
    static final String GOOD = "Good Co,dealer,L1,Gina Good,+447900000001,gina@good.example,yes,share-partner\n";
    static final String SECOND_BAD_ROW = "Bad Co,dealer,L1,Bob Second,+447900000009,,no,\n";

    static final ImportRules RULES = new ImportRules(new TestPhones(),
        id -> Map.of("share-partner", "share-partner", "sharepartner", "share-partner", "announcements", "announcements")
            .entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(id)).map(Map.Entry::getValue).findFirst());

    @Parameters(name = "{0}")
    public static Collection<Object[]> faults() {
        return Arrays.asList(new Object[][] {
            {"missing_contact_name", "Bad Co,dealer,L1,,+447900000002,,yes,\n", "contact name"},
            {"too_long", "Bad Co,dealer,L1," + "x".repeat(201) + ",+447900000002,,yes,\n", "contact name"},
            {"missing_mobile", "Bad Co,dealer,L1,Ann,,,yes,\n", "mobile"},
            {"invalid_mobile", "Bad Co,dealer,L1,Ann,12345,,yes,\n", "mobile"},
            {"invalid_mobile", "Bad Co,dealer,L1,Ann,+442071234567,,yes,\n", "mobile"},
            {"duplicate_mobile", "Bad Co,dealer,L1,Ann,+447900000001,,yes,\n", "mobile"},
            {"invalid_email", "Bad Co,dealer,L1,Ann,+447900000002,not-an-email,yes,\n", "email"},
            {"invalid_system_admin", "Bad Co,dealer,L1,Ann,+447900000002,,maybe,\n", "system admin"},
            {"unknown_app", "Bad Co,dealer,L1,Ann,+447900000002,,yes,share-partner;field-sales\n", "apps"},
            {"conflicting_type", "Bad Co,distributor,L1,Ann,+447900000002,,yes,\n", "partner type"},
            {"conflicting_level", "Bad Co,dealer,L2,Ann,+447900000002,,yes,\n", "level"},
            {"no_system_admin", "Bad Co,dealer,L1,Ann,+447900000002,,no,\n", "system admin"},
        });
    }

    private final String code;
    private final String badRow;
    private final String field;

    public ImportRulesTest(String code, String badRow, String field) {
        this.code = code;
        this.badRow = badRow;
        this.field = field;
    }

    @Test
    public void theFaultRejectsItsWholeCompanyAndOnlyIt() {
        // Conflicts need an earlier row to conflict with: "Bad Co" starts with a clean row there.
        boolean conflict = code.startsWith("conflicting");
        String first = conflict ? SECOND_BAD_ROW.replace(",no,", ",yes,") : badRow;
        String second = conflict ? badRow : SECOND_BAD_ROW;
        ImportPlan plan = plan(HEADER + GOOD + first + second);

        assertEquals(3, plan.totalRows());
        ImportPlan.Company good = plan.companies().get(0);
        ImportPlan.Company bad = plan.companies().get(1);
        // the duplicate also condemns Good Co's row: both rows with the mobile are at fault
        if (code.equals("duplicate_mobile")) {
            assertFalse(good.valid());
            assertEquals("duplicate_mobile", good.rejections().get(0).code());
            assertEquals("the mobile is also on line 3; every contact needs a mobile of its own",
                good.rejections().get(0).reason());
        } else {
            assertTrue(good.rejections().toString(), good.valid());
            assertEquals(List.of("+447900000001"), good.contacts().stream().map(ImportPlan.Contact::mobile).toList());
        }
        assertFalse(bad.valid());
        assertEquals(2, bad.rejections().size());
        int culpritLine = conflict ? 4 : 3;
        RejectedRow culprit = bad.rejections().stream().filter(r -> r.line() == culpritLine).findFirst().orElseThrow();
        assertEquals(code, culprit.code());
        assertEquals(field, culprit.field());
        assertEquals("Bad Co", culprit.company());
        if (code.equals("invalid_system_admin")) {
            // the other row says "no": without the culprit's flag the company also lacks a system admin
            assertEquals("no_system_admin", bad.rejections().get(1).code());
        } else if (!code.equals("no_system_admin")) {
            RejectedRow innocent = bad.rejections().stream().filter(r -> r.line() != culpritLine).findFirst().orElseThrow();
            assertEquals("company_rejected", innocent.code());
            assertEquals("not imported because line " + culpritLine + " of the same company is invalid", innocent.reason());
        }
    }

    static ImportPlan plan(String csv) {
        return RULES.plan(ImportFileReader.readCsv(csv.getBytes(StandardCharsets.UTF_8), 1000));
    }
}
