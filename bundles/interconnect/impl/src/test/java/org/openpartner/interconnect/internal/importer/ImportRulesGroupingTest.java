package org.openpartner.interconnect.internal.importer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.openpartner.interconnect.internal.importer.ImportRulesTest.GOOD;
import static org.openpartner.interconnect.internal.importer.ImportRulesTest.HEADER;
import static org.openpartner.interconnect.internal.importer.ImportRulesTest.plan;

import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.openpartner.interconnect.api.dto.RejectedRow;

/** The import rules that shape valid companies. */
public class ImportRulesGroupingTest {

    @Test
    public void rowsWithTheSameCompanyNameIgnoringCaseAndSpacesFormOneCompany() {
        ImportPlan plan = plan(HEADER
            + "Acme  Retail,dealer,,Ann,+447900000011,,yes,\n"
            + "Other,agent,,Oli,+447900000012,,yes,announcements\n"
            + "ACME RETAIL,,L2,Ben,4155550123,ben@acme.example,no,SharePartner\n");
        assertEquals(2, plan.companies().size());
        ImportPlan.Company acme = plan.companies().get(0);
        assertTrue(acme.valid());
        assertEquals("Acme Retail", acme.name());
        assertEquals("dealer", acme.type());
        assertEquals("L2", acme.level());
        assertEquals(Set.of("share-partner"), acme.apps());
        assertEquals(List.of(2, 4), acme.contacts().stream().map(ImportPlan.Contact::line).toList());
        assertEquals("+14155550123", acme.contacts().get(1).mobile());
        assertTrue(acme.contacts().get(0).systemAdmin());
        assertFalse(acme.contacts().get(1).systemAdmin());
        assertEquals(Set.of("announcements"), plan.companies().get(1).apps());
        assertEquals(0, plan.rejectedRows());
    }

    @Test
    public void aRowWithoutCompanyIsRejectedOnItsOwn() {
        ImportPlan plan = plan(HEADER + GOOD + ",dealer,,Nobody,+447900000013,,yes,\n");
        assertTrue(plan.companies().get(0).valid());
        RejectedRow row = plan.companies().get(1).rejections().get(0);
        assertEquals("missing_company", row.code());
        assertEquals(3, row.line());
        assertEquals(1, plan.rejectedRows());
        assertEquals(1, plan.rejectedCompanies());
    }

    @Test
    public void aMobileOnThreeRowsNamesTheOtherLines() {
        ImportPlan plan = plan(HEADER + GOOD
            + "B,,,Two,+447900000001,,yes,\n"
            + "C,,,Three,+44 7900 000001,,yes,\n");
        assertEquals("the mobile is also on lines 3, 4; every contact needs a mobile of its own",
            plan.companies().get(0).rejections().get(0).reason());
        assertEquals(3, plan.rejectedRows());
    }

    @Test
    public void systemAdminFlagsAcceptTheUsualSpellings() {
        for (String yes : List.of("yes", "Y", "TRUE", "1", "x")) {
            assertTrue(yes, plan(HEADER + "A,,,Ann,+447900000021,," + yes + ",\n").companies().get(0).valid());
        }
        for (String no : List.of("no", "N", "false", "0", "")) {
            assertEquals(no, "no_system_admin",
                plan(HEADER + "A,,,Ann,+447900000021,," + no + ",\n").companies().get(0).rejections().get(0).code());
        }
    }
}
