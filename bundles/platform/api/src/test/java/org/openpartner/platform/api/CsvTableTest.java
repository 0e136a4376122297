package org.openpartner.platform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** Reading an uploaded CSV file: header, spreadsheet rows, and each way a file is refused with its line. */
public class CsvTableTest {

    private static final List<String> COLUMNS = List.of("name", "companyName", "region");
    private static final Map<String, String> LABELS = Map.of("company", "companyName");

    private static String fieldOf(String header) {
        String key = CsvTable.key(header);
        return COLUMNS.stream().filter(column -> CsvTable.key(column).equals(key)).findFirst()
            .orElse(LABELS.get(key));
    }

    private static CsvTable read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8), 1_000, 3);
    }

    private static CsvTable read(byte[] file, long maxBytes, int maxRows) {
        return CsvTable.reader(COLUMNS, CsvTableTest::fieldOf, List.of("name"), maxBytes, maxRows)
            .read(new ByteArrayInputStream(file));
    }

    @Test
    public void theHeaderNamesFieldsAndRowsKeepTheirSpreadsheetRow() {
        CsvTable table = read("\uFEFFName,Company,region\r\n"
            + "Ann,Acme,West\r\n"
            + "\r\n"
            + "\"Bob, Jr.\",\"Multi\nline\"\r\n"
            + " , ,\r\n"
            + "Cid,,,extra\r\n");
        assertEquals(List.of("name", "companyName", "region"), table.fields());
        assertEquals(3, table.rows().size());
        assertEquals(2, table.rows().get(0).line());
        assertEquals("Acme", table.rows().get(0).get("companyName"));
        assertEquals("the blank row keeps its number", 4, table.rows().get(1).line());
        assertEquals("Bob, Jr.", table.rows().get(1).get("name"));
        assertEquals("Multi\nline", table.rows().get(1).get("companyName"));
        assertNull("a short row has no cell for the last column", table.rows().get(1).get("region"));
        // The multi-line cell is one spreadsheet row; the row of blank cells is skipped but counted.
        assertEquals(6, table.rows().get(2).line());
        assertEquals(4, table.rows().get(2).size());
    }

    @Test
    public void aRowWiderThanTheHeaderIsThatRowsError() {
        CsvTable table = read("name,region\r\nAnn,West\r\nBob,East,extra\r\n");
        table.requireFits(table.rows().get(0));
        ApiException wide = assertThrows(ApiException.class, () -> table.requireFits(table.rows().get(1)));
        assertEquals("too_many_cells", wide.code());
        assertEquals(400, wide.status());
    }

    @Test
    public void aWrongHeaderIsRefusedOnLineOneNamingTheColumn() {
        assertRefused(400, "unknown_column", "budget", 1, () -> read("name,budget\r\nAnn,5\r\n"));
        assertRefused(400, "duplicate_column", "name", 1, () -> read("name,Name\r\nAnn,Ann\r\n"));
        assertRefused(400, "required", "name", 1, () -> read("company\r\nAcme\r\n"));
    }

    @Test
    public void malformedCsvIsRefusedWithTheLineAfterTheLastGoodRow() {
        assertRefused(400, "invalid_csv", null, 3, () -> read("name,company\r\nAnn,Acme\r\n\"Bob\"x,Bobco\r\n"));
        assertRefused(400, "invalid_csv", null, 2, () -> read("name,company\r\n\"Unclosed,Acme\r\n"));
    }

    @Test
    public void textThatIsNotUtf8IsRefused() {
        byte[] latin1 = "name\r\nJos\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(400, "invalid_encoding", null, null, () -> read(latin1, 1_000, 3));
    }

    @Test
    public void aFileBeyondTheLimitsIsRefusedAsAWhole() {
        byte[] file = "name\r\nAnn\r\nBob\r\nCid\r\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(3, read(file, file.length, 3).rows().size());
        assertRefused(413, "payload_too_large", null, null, () -> read(file, file.length - 1, 3));
        assertRefused(413, "too_many_rows", null, null, () -> read(file, file.length, 2));
        assertEquals("blank rows do not count", 2,
            read("name\r\nAnn\r\n\r\n,\r\nBob\r\n".getBytes(StandardCharsets.UTF_8), 1_000, 2).rows().size());
    }

    @Test
    public void anUploadThatFailsToReadIsRefused() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        ApiException e = assertThrows(ApiException.class, () -> CsvTable.reader(COLUMNS, CsvTableTest::fieldOf,
            List.of(), 1_000, 3).read(broken));
        assertEquals("upload_failed", e.code());
    }

    private static void assertRefused(int status, String code, String field, Integer line, Runnable work) {
        ApiException e = assertThrows(ApiException.class, work::run);
        assertEquals(status, e.status());
        assertEquals(code, e.code());
        assertEquals(field, e.field());
        assertEquals(line, e.line());
    }
}
