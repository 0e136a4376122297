package org.openpartner.interconnect.internal.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.openpartner.platform.api.ApiException;

/**
 * Reads the rows of an import file. CSV: UTF-8 with or without a byte-order mark (UTF-16 with one), comma or
 * semicolon separated (whichever the header uses), quoted fields with embedded separators and line breaks, LF or
 * CRLF. XLSX: the first sheet. The first row names the columns. File-level faults are 400s.
 */
final class ImportFileReader {

    static final String CSV = "csv";
    static final String XLSX = "xlsx";

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private ImportFileReader() {
    }

    /** Picks the format from the media type, the file name, then the content (XLSX files are ZIP archives). */
    static String detectFormat(String fileName, String mediaType, byte[] content) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (type.contains("spreadsheetml")) {
            return XLSX;
        }
        if (type.startsWith("text/csv") || type.contains("comma-separated")) {
            return CSV;
        }
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".xls") || type.contains("ms-excel")) {
            throw new ApiException(415, "unsupported_format",
                "old Excel .xls files are not supported: save the sheet as .xlsx or CSV UTF-8", "file", null);
        }
        if (content.length >= 4 && content[0] == ZIP_MAGIC[0] && content[1] == ZIP_MAGIC[1]
            && content[2] == ZIP_MAGIC[2] && content[3] == ZIP_MAGIC[3]) {
            return XLSX;
        }
        return CSV;
    }

    static List<SheetRow> read(String format, byte[] content, int maxRows) {
        return XLSX.equals(format) ? readXlsx(content, maxRows) : readCsv(content, maxRows);
    }

    static List<SheetRow> readCsv(byte[] content, int maxRows) {
        try (BOMInputStream in = BOMInputStream.builder().setInputStream(new ByteArrayInputStream(content))
            .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).setInclude(false)
            .get()) {
            Charset charset = in.hasBOM() ? Charset.forName(in.getBOMCharsetName()) : StandardCharsets.UTF_8;
            // Report undecodable bytes instead of silently importing mangled names.
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
            String text;
            try (Reader reader = new InputStreamReader(in, decoder)) {
                text = readAll(reader);
            }
            return parseCsv(text, maxRows);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.badRequest("invalid_encoding",
                "the file is not UTF-8 text: save it as \"CSV UTF-8\" (a byte-order mark is fine)", "file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    private static List<SheetRow> parseCsv(String text, int maxRows) {
        int firstBreak = text.indexOf('\n');
        String headerLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
        char delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).build();
        List<SheetRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> header;
            try {
                if (!records.hasNext()) {
                    throw ApiException.badRequest("empty_file", "the file has no header row and no data", "file");
                }
                header = records.next().toList();
            } catch (UncheckedIOException | IllegalStateException e) {
                // The header itself is malformed (an unclosed quote runs to the end of the file).
                throw new ApiException(400, "malformed_csv", "the CSV file's header row is malformed (an unclosed "
                    + "quote?)", "file", 1);
            }
            Map<Integer, Column> columns = columns(header);
            LineIndex lines = new LineIndex(text);
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    int line = (int) parser.getCurrentLineNumber();
                    throw new ApiException(400, "malformed_csv", "the CSV file is malformed near line " + line
                        + " (an unclosed quote?)", "file", line);
                }
                addRow(rows, lines.lineAt(record.getCharacterPosition()), record.toList(), columns, maxRows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return requireRows(rows);
    }

    static List<SheetRow> readXlsx(byte[] content, int maxRows) {
        List<SheetRow> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet first = workbook.getFirstSheet();
            if (first == null) {
                throw ApiException.badRequest("empty_file", "the workbook has no sheet", "file");
            }
            Map<Integer, Column> columns = null;
            try (java.util.stream.Stream<Row> sheetRows = first.openStream()) {
                Iterator<Row> it = sheetRows.iterator();
                while (it.hasNext()) {
                    Row row = it.next();
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(row.getCellText(i));
                    }
                    if (columns == null) {
                        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                            continue;
                        }
                        columns = columns(cells);
                    } else {
                        addRow(rows, row.getRowNum(), cells, columns, maxRows);
                    }
                }
            }
            if (columns == null) {
                throw ApiException.badRequest("empty_file", "the first sheet has no header row and no data", "file");
            }
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("unreadable_file",
                "the file is not a readable XLSX workbook: save it as .xlsx or CSV UTF-8", "file");
        }
        return requireRows(rows);
    }

    private static Map<Integer, Column> columns(List<String> header) {
        Map<Integer, Column> columns = new java.util.HashMap<>();
        EnumMap<Column, Integer> seen = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip();
            Optional<Column> column = Column.forHeader(name);
            if (column.isPresent()) {
                if (seen.containsKey(column.get())) {
                    throw ApiException.badRequest("duplicate_column", "the column '" + column.get().header
                        + "' appears twice in the header", column.get().header);
                }
                seen.put(column.get(), i);
                columns.put(i, column.get());
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !seen.containsKey(column)) {
                throw ApiException.badRequest("missing_column", "the header row has no '" + column.header
                    + "' column (columns: company name, partner type, level, contact name, mobile, email, "
                    + "system admin, apps)", column.header);
            }
        }
        return columns;
    }

    private static void addRow(List<SheetRow> rows, int line, List<String> cells, Map<Integer, Column> columns,
                               int maxRows) {
        EnumMap<Column, String> values = new EnumMap<>(Column.class);
        boolean blank = true;
        for (int i = 0; i < cells.size(); i++) {
            Column column = columns.get(i);
            String value = cells.get(i) == null ? "" : cells.get(i).strip();
            if (column != null) {
                values.put(column, value);
                blank &= value.isEmpty();
            }
        }
        if (blank) {
            return;
        }
        if (rows.size() >= maxRows) {
            throw new ApiException(422, "too_many_rows", "the file has more than " + maxRows
                + " rows: split it into several imports", "file", line);
        }
        rows.add(new SheetRow(line, values));
    }

    private static List<SheetRow> requireRows(List<SheetRow> rows) {
        if (rows.isEmpty()) {
            throw ApiException.badRequest("empty_file", "the file has a header row but no data rows", "file");
        }
        return rows;
    }

    /** The line a record starts on, counted the way an editor does (CRLF, LF or CR end a line). */
    private static final class LineIndex {
        private final String text;
        private final int[] breaks;

        LineIndex(String text) {
            this.text = text;
            int[] found = new int[16];
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    if (n == found.length) {
                        found = java.util.Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = i;
                }
            }
            this.breaks = java.util.Arrays.copyOf(found, n);
        }

        int lineAt(long position) {
            int pos = (int) position;
            // the parser's position may precede blank lines it skipped before the record
            while (pos < text.length() && (text.charAt(pos) == '\r' || text.charAt(pos) == '\n')) {
                pos++;
            }
            int index = java.util.Arrays.binarySearch(breaks, pos);
            return (index >= 0 ? index : -index - 1) + 1;
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
