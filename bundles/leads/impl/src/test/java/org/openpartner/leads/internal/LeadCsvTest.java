package org.openpartner.leads.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;
import org.openpartner.leads.api.dto.LeadInput;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CsvTable;

/** Lead files, case by case: which headers name which fields and how a row reads as a lead (CsvTableTest reads files). */
public class LeadCsvTest {

    private static CsvTable read(String csv) {
        return LeadCsv.READER.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void headersNameFieldsByNameOrLabelAndRowsReadAsLeads() {
        CsvTable file = read("\uFEFFName,Company,MOBILE,e-mail,record type\r\n"
            + "Ann,Acme,+14155550101,ann@acme.example,deal\r\n"
            + "\"Bob, Jr.\",\"Multi\nline\",,, \r\n");
        assertEquals(List.of("name", "companyName", "mobile", "email", "recordType"), file.fields());
        LeadInput ann = LeadCsv.input(file.rows().get(0));
        assertEquals("Ann", ann.name());
        assertEquals("Acme", ann.companyName());
        assertEquals("+14155550101", ann.mobile());
        assertEquals("ann@acme.example", ann.email());
        assertEquals("deal", ann.recordType());
        assertNull("a column the file lacks is no value", ann.region());
        LeadInput bob = LeadCsv.input(file.rows().get(1));
        assertEquals("Bob, Jr.", bob.name());
        assertEquals("Multi\nline", bob.companyName());
        assertNull("a blank record type is none", bob.recordType());
    }

    @Test
    public void onlyImportableFieldsAreColumnsAndTheNameIsRequired() {
        assertEquals("status", LeadCsv.EXPORTABLE.stream().filter("status"::equals).findFirst().orElseThrow());
        assertNull("an export column is not an import column", LeadCsv.fieldOf("status"));
        assertRefused("unknown_column", "status", () -> read("name,status\r\nAnn,ASSIGNED\r\n"));
        assertRefused("required", "name", () -> read("company\r\nAcme\r\n"));
    }

    private static void assertRefused(String code, String field, Runnable work) {
        ApiException e = assertThrows(ApiException.class, work::run);
        assertEquals(code, e.code());
        assertEquals(field, e.field());
        assertEquals(Integer.valueOf(1), e.line());
    }
}
