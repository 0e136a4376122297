package org.openpartner.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.openpartner.platform.api.ApiException;

/** Reading a business-info data set: header spellings, rows and their spreadsheet lines, refused headers. */
public class BusinessInfoCsvTest {

    private static Map.Entry<List<String>, List<BusinessInfoCsv.Row>> read(String csv) {
        return BusinessInfoCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void headersMayUseLabelsAndRowsKeepTheirLines() {
        Map.Entry<List<String>, List<BusinessInfoCsv.Row>> file = read("\uFEFFTax ID,Company Name,Region\r\n"
            + "DE 1,Contoso GmbH,West\r\n,,\r\n\"DE 2\",\"Fabrikam, Inc.\",\r\n");
        assertEquals(List.of("registrationId", "name", "region"), file.getKey());
        assertEquals(2, file.getValue().size());
        assertEquals(2, file.getValue().get(0).line());
        assertEquals("the blank row keeps its number", 4, file.getValue().get(1).line());
        assertEquals("Fabrikam, Inc.", file.getValue().get(1).get("name"));
    }

    @Test
    public void aHeaderWithoutTheIdOrWithAnUnknownColumnIsRefusedOnLineOne() {
        assertRefused("required", "registrationId", () -> read("name,region\r\nContoso,West\r\n"));
        assertRefused("unknown_column", "revenue", () -> read("registrationId,name,revenue\r\n1,Contoso,9\r\n"));
        assertRefused("duplicate_column", "registrationId", () -> read("taxId,registrationId,name\r\n"));
    }

    private static void assertRefused(String code, String field, Runnable call) {
        try {
            call.run();
            fail("expected " + code);
        } catch (ApiException e) {
            assertEquals(code, e.code());
            assertEquals(field, e.field());
            assertEquals(Integer.valueOf(1), e.line());
        }
    }
}
