package org.openpartner.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CsvTable;

/** Reading a business-info data set: header spellings and required columns (CsvTableTest reads files). */
public class BusinessInfoCsvTest {

    private static CsvTable read(String csv) {
        return BusinessInfoCsv.READER.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void headersMayUseRegistrySpellings() {
        CsvTable file = read("\uFEFFTax ID,Company Name,Region\r\nDE 1,\"Contoso, GmbH\",West\r\n");
        assertEquals(List.of("registrationId", "name", "region"), file.fields());
        assertEquals("DE 1", file.rows().get(0).get("registrationId"));
        assertEquals("Contoso, GmbH", file.rows().get(0).get("name"));
        for (String spelling : List.of("registrationId", "registration_number", "Unified Registration ID", "taxid")) {
            assertEquals(spelling, "registrationId", BusinessInfoCsv.fieldOf(spelling));
        }
    }

    @Test
    public void aHeaderWithoutTheIdOrWithAnUnknownColumnIsRefusedOnLineOne() {
        assertRefused("required", "registrationId", () -> read("name,region\r\nContoso,West\r\n"));
        assertRefused("required", "name", () -> read("registrationId,region\r\n1,West\r\n"));
        assertRefused("unknown_column", "revenue", () -> read("registrationId,name,revenue\r\n1,Contoso,9\r\n"));
        assertRefused("duplicate_column", "registrationId", () -> read("taxId,registrationId,name\r\n"));
    }

    private static void assertRefused(String code, String field, Runnable call) {
        ApiException e = assertThrows(ApiException.class, call::run);
        assertEquals(code, e.code());
        assertEquals(field, e.field());
        assertEquals(Integer.valueOf(1), e.line());
    }
}
