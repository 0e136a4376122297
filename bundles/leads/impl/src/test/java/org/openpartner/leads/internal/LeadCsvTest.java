package org.openpartner.leads.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.openpartner.platform.api.ApiException;

/** Lead files, case by case: which headers name which fields, and which line each row is. */
public class LeadCsvTest {

    private static Map.Entry<List<String>, List<LeadCsv.Row>> read(String csv) {
        return LeadCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void headersNameFieldsByNameOrLabelAndRowsKeepTheirLine() {
        Map.Entry<List<String>, List<LeadCsv.Row>> file = read("\uFEFFName,Company,MOBILE,e-mail,record type\r\n"
            + "Ann,Acme,+14155550101,ann@acme.example,deal\r\n"
            + "\r\n"
            + "\"Bob, Jr.\",\"Multi\nline\",,,\r\n"
            + "Cid,,,,\r\n");
        assertEquals(List.of("name", "companyName", "mobile", "email", "recordType"), file.getKey());
        List<LeadCsv.Row> rows = file.getValue();
        assertEquals(3, rows.size());
        assertEquals(2, rows.get(0).line());
        assertEquals("deal", rows.get(0).input().recordType());
        assertEquals("Bob, Jr.", rows.get(1).input().name());
        assertEquals("Multi\nline", rows.get(1).input().companyName());
        assertNull(rows.get(1).input().recordType());
        assertEquals(4, rows.get(1).line());
        // The multi-line cell is one spreadsheet row.
        assertEquals(5, rows.get(2).line());
    }

    @Test
    public void blankRowsAreSkippedAndRowsKeepTheirCellCount() {
        List<LeadCsv.Row> rows = read("name,company\r\nAnn,Acme\r\n,\r\nBob,Bobco,extra\r\n , \r\n").getValue();
        assertEquals(2, rows.size());
        assertEquals(4, rows.get(1).line());
        assertEquals(3, rows.get(1).cells());
    }

    @Test
    public void malformedCsvIsRefusedWithTheLine() {
        try {
            read("name,company\r\nAnn,Acme\r\n\"Bob\"x,Bobco\r\n");
            fail("expected invalid_csv");
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals("invalid_csv", e.code());
            assertEquals(Integer.valueOf(3), e.line());
        }
        try {
            read("name,company\r\n\"Unclosed,Acme\r\n");
            fail("expected invalid_csv");
        } catch (ApiException e) {
            assertEquals("invalid_csv", e.code());
            assertEquals(Integer.valueOf(2), e.line());
        }
    }

    @Test
    public void aWrongHeaderIsRefusedOnLineOne() {
        assertRefused("unknown_column", () -> read("name,budget\r\nAnn,5\r\n"));
        assertRefused("duplicate_column", () -> read("name,Name\r\nAnn,Ann\r\n"));
        assertRefused("required", () -> read("company\r\nAcme\r\n"));
    }

    private static void assertRefused(String code, Runnable work) {
        try {
            work.run();
            fail("expected " + code);
        } catch (ApiException e) {
            assertEquals(code, e.code());
            assertEquals(Integer.valueOf(1), e.line());
        }
    }
}
