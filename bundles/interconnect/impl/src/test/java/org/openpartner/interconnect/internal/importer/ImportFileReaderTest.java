package org.openpartner.interconnect.internal.importer;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.Test;
import org.openpartner.platform.api.ApiException;

public class ImportFileReaderTest {

    private static final String HEADER = "Company Name,Partner Type,Level,Contact Name,Mobile,E-mail,System Admin,Apps";

    @Test
    public void aUtf8FileWithBomCrlfAndQuotedFieldsIsRead() {
        String csv = "\uFEFF" + HEADER + "\r\n"
            + "\"Müller, Söhne & Co\",dealer,L1,\"Anna \"\"Ann\"\" Müller\",+447900000001,,yes,\r\n"
            + "\"Two\r\nLines Ltd\",,,Bob,+447900000002,,yes,\r\n"
            + "\r\n"
            + "Third,,,Cy,+447900000003,,yes,";
        List<SheetRow> rows = ImportFileReader.readCsv(csv.getBytes(StandardCharsets.UTF_8), 100);
        assertEquals(3, rows.size());
        assertEquals("Müller, Söhne & Co", rows.get(0).get(Column.COMPANY));
        assertEquals("Anna \"Ann\" Müller", rows.get(0).get(Column.CONTACT));
        assertEquals(2, rows.get(0).line());
        assertEquals("Two\r\nLines Ltd", rows.get(1).get(Column.COMPANY));
        assertEquals(3, rows.get(1).line());
        // the quoted line break makes the next record start on line 6, after the blank line 5
        assertEquals(6, rows.get(2).line());
        assertEquals("yes", rows.get(2).get(Column.SYSTEM_ADMIN));
        assertEquals("", rows.get(2).get(Column.APPS));
    }

    @Test
    public void aFileWithoutBomAndWithLfIsReadTheSame() {
        String csv = HEADER + "\nAcme,,,Ann,+447900000001,,yes,\n";
        List<SheetRow> rows = ImportFileReader.readCsv(csv.getBytes(StandardCharsets.UTF_8), 100);
        assertEquals("Acme", rows.get(0).get(Column.COMPANY));
        assertEquals(2, rows.get(0).line());
    }

    @Test
    public void semicolonSeparatedFilesFromEuropeanSpreadsheetsAreRead() {
        String csv = "Company name;Contact name;Mobile;System admin\nAcme, Inc;Ann;+447900000001;yes\n";
        List<SheetRow> rows = ImportFileReader.readCsv(csv.getBytes(StandardCharsets.UTF_8), 100);
        assertEquals("Acme, Inc", rows.get(0).get(Column.COMPANY));
        assertEquals("", rows.get(0).get(Column.TYPE));
    }

    @Test
    public void utf16WithBomIsRead() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] text = (HEADER + "\nZürich AG,,,Ann,+447900000001,,yes,\n").getBytes(StandardCharsets.UTF_16LE);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, 2);
        System.arraycopy(text, 0, file, 2, text.length);
        assertEquals("Zürich AG", ImportFileReader.readCsv(file, 100).get(0).get(Column.COMPANY));
    }

    @Test
    public void fileFaultsAreClearErrors() {
        assertFault("invalid_encoding", null, (HEADER + "\nM\u00fcller,,,Ann,+447900000001,,yes,\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        assertFault("missing_column", "mobile", "Company name,Contact name\nAcme,Ann\n".getBytes(StandardCharsets.UTF_8));
        assertFault("duplicate_column", "mobile", "Company,Contact,Mobile,Phone\n".getBytes(StandardCharsets.UTF_8));
        assertFault("empty_file", null, "".getBytes(StandardCharsets.UTF_8));
        assertFault("empty_file", null, (HEADER + "\n,,,,,,,\n").getBytes(StandardCharsets.UTF_8));
        assertFault("malformed_csv", 3, (HEADER + "\nA,,,Ann,+447900000001,,yes,\n\"B,,,Bob\n").getBytes(StandardCharsets.UTF_8));
        assertFault("malformed_csv", 1, ("\"company name,contact name,mobile\nA,Ann,+447900000001\n")
            .getBytes(StandardCharsets.UTF_8));
        assertFault("too_many_rows", 4, (HEADER + "\nA,,,A,1,,,\nB,,,B,2,,,\nC,,,C,3,,,\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void assertFault(String code, Object fieldOrLine, byte[] csv) {
        try {
            ImportFileReader.readCsv(csv, 2);
            fail("expected " + code);
        } catch (ApiException e) {
            assertEquals(code, e.code());
            if (fieldOrLine instanceof Integer line) {
                assertEquals(line, e.line());
            } else if (fieldOrLine != null) {
                assertEquals(fieldOrLine, e.field());
            }
            assertEquals(code.equals("too_many_rows") ? 422 : 400, e.status());
        }
    }

    @Test
    public void anXlsxWorkbookIsReadFromItsFirstSheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Companies");
        String[] header = HEADER.split(",");
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        sheet.value(1, 0, "Acme");
        sheet.value(1, 3, "Ann");
        sheet.value(1, 4, "+447900000001");
        sheet.value(1, 6, "yes");
        sheet.value(3, 0, "Beta");
        sheet.value(3, 3, "Bob");
        sheet.value(3, 4, 447900000002L);
        sheet.value(3, 6, true);
        workbook.finish();
        byte[] file = out.toByteArray();

        assertEquals(ImportFileReader.XLSX, ImportFileReader.detectFormat("upload", null, file));
        List<SheetRow> rows = ImportFileReader.read(ImportFileReader.XLSX, file, 100);
        assertEquals(2, rows.size());
        assertEquals("Acme", rows.get(0).get(Column.COMPANY));
        assertEquals(2, rows.get(0).line());
        assertEquals("Beta", rows.get(1).get(Column.COMPANY));
        assertEquals(4, rows.get(1).line());
        assertEquals("447900000002", rows.get(1).get(Column.MOBILE));
        assertEquals("TRUE", rows.get(1).get(Column.SYSTEM_ADMIN).toUpperCase());
    }

    @Test
    public void aBrokenWorkbookIsA400() {
        try {
            ImportFileReader.read(ImportFileReader.XLSX, new byte[] {'P', 'K', 3, 4, 1, 2, 3}, 10);
            fail();
        } catch (ApiException e) {
            assertEquals("unreadable_file", e.code());
        }
    }

    @Test
    public void theFormatComesFromTheTypeThenTheNameThenTheContent() {
        byte[] csv = "a".getBytes(StandardCharsets.UTF_8);
        assertEquals("csv", ImportFileReader.detectFormat("x.xlsx", "text/csv", csv));
        assertEquals("xlsx", ImportFileReader.detectFormat("x.csv", ImportResourceTypes.XLSX, csv));
        assertEquals("xlsx", ImportFileReader.detectFormat("x.XLSX", null, csv));
        assertEquals("csv", ImportFileReader.detectFormat("upload", "application/octet-stream", csv));
        try {
            ImportFileReader.detectFormat("old.xls", null, csv);
            fail();
        } catch (ApiException e) {
            assertEquals(415, e.status());
        }
    }

    /** The XLSX media type, as the REST resource names it. */
    static final class ImportResourceTypes {
        static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Test
    public void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        InputStream never = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read although the declared length is over the limit");
            }
        };
        try {
            ImportServiceImpl.readLimited(never, 101, 100);
            fail();
        } catch (ApiException e) {
            assertEquals(413, e.status());
            assertEquals("file_too_large", e.code());
        }
    }

    @Test
    public void anUndeclaredLengthIsCutAtTheLimit() {
        try {
            ImportServiceImpl.readLimited(new ByteArrayInputStream(new byte[101]), -1, 100);
            fail();
        } catch (ApiException e) {
            assertEquals(413, e.status());
        }
        assertArrayEquals(new byte[100], ImportServiceImpl.readLimited(new ByteArrayInputStream(new byte[100]), -1, 100));
    }

    @Test
    public void reportCellsThatASpreadsheetWouldRunAreDefused() {
        assertEquals("'=HYPERLINK(\"x\")", ImportServiceImpl.safe("=HYPERLINK(\"x\")"));
        assertEquals("'+1+2", ImportServiceImpl.safe("+1+2"));
        assertEquals("+44 7900 123456", ImportServiceImpl.safe("+44 7900 123456"));
        assertEquals("'@SUM(A1)", ImportServiceImpl.safe("@SUM(A1)"));
        assertEquals("Acme", ImportServiceImpl.safe("Acme"));
        assertNull(ImportServiceImpl.safe(null));
    }
}
