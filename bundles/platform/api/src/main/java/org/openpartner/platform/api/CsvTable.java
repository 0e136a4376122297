package org.openpartner.platform.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file (RFC 4180, UTF-8 with or without a byte-order mark) whose header row names a field per
 * column: the header's fields in column order and the data rows with their spreadsheet rows (the header is row 1; a
 * quoted cell may span lines of the file and is still one row). A blank row (spreadsheets write {@code ,,,} at a
 * sheet's end) keeps its number and imports nothing.
 * <p>
 * Whatever makes the whole file unreadable is an {@link ApiException} with the line it was found on: a header naming
 * an unknown, repeated or missing column (line 1, the column as field), text that is not UTF-8, malformed CSV (the
 * line after the last good row), more bytes or rows than the reader takes (413). A row with more cells than the
 * header has columns is the row's own error ({@link #requireFits}), so that an import reports it beside the others.
 *
 * @param fields the header's fields, in column order
 * @param rows   the data rows that are not blank
 * @since 1.8
 */
public record CsvTable(List<String> fields, List<Row> rows) {

    /** A data row: its row in a spreadsheet, its cells by field (null where the row is short) and its cell count. */
    public record Row(long line, Map<String, String> cells, int size) {

        /** The row's cell for the field, null when the file has no such column or the row ends before it. */
        public String get(String field) {
            return cells.get(field);
        }
    }

    /**
     * A reader of files with these columns.
     *
     * @param columns  the fields a file may name, in the order the refusal of an unknown column lists them
     * @param fieldOf  the field a header cell names (see {@link #key}), null when none
     * @param required the fields the header must name
     * @param maxBytes the largest file read
     * @param maxRows  the most data rows read
     */
    public static Reader reader(List<String> columns, Function<String, String> fieldOf, List<String> required,
                                long maxBytes, int maxRows) {
        return new Reader(List.copyOf(columns), fieldOf, List.copyOf(required), maxBytes, maxRows);
    }

    /**
     * A header cell as readers compare it: without a byte-order mark, white space, dashes and underscores, in lower
     * case, so that "Company Name", "company_name" and "companyName" name one field.
     */
    public static String key(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }

    /** Refuses a row with more cells than the header has columns (400 {@code too_many_cells}): its extra cells have no field. */
    public void requireFits(Row row) {
        if (row.size() > fields.size()) {
            throw ApiException.badRequest("too_many_cells", "the row has " + row.size() + " cells and the header "
                + fields.size() + " columns", null);
        }
    }

    /** Reads files of one kind; see {@link CsvTable#reader}. */
    public static final class Reader {

        private final List<String> columns;
        private final Function<String, String> fieldOf;
        private final List<String> required;
        private final long maxBytes;
        private final int maxRows;

        private Reader(List<String> columns, Function<String, String> fieldOf, List<String> required, long maxBytes,
                       int maxRows) {
            if (maxBytes < 1 || maxBytes >= Integer.MAX_VALUE || maxRows < 1) {
                throw new IllegalArgumentException("limits must be positive and below 2 GiB");
            }
            this.columns = columns;
            this.fieldOf = fieldOf;
            this.required = required;
            this.maxBytes = maxBytes;
            this.maxRows = maxRows;
        }

        /** The whole upload, read before any of it is parsed (so that a file too large is refused as a whole). */
        public CsvTable read(InputStream upload) {
            byte[] file;
            try {
                file = upload.readNBytes((int) maxBytes + 1);
            } catch (IOException e) {
                throw ApiException.badRequest("upload_failed", "the file could not be read", null);
            }
            if (file.length > maxBytes) {
                throw new ApiException(413, "payload_too_large", "a file imports at most " + maxBytes + " bytes",
                    null, null);
            }
            java.io.Reader text = new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true).build().parse(text)) {
                List<String> fields = header(parser.getHeaderNames());
                List<Row> rows = new ArrayList<>();
                long line = 1;
                try {
                    for (CSVRecord record : parser) {
                        line = record.getRecordNumber() + 1;
                        Row row = row(record, line, fields);
                        if (row == null) {
                            continue;
                        }
                        if (rows.size() == maxRows) {
                            throw new ApiException(413, "too_many_rows", "a file imports at most " + maxRows + " rows",
                                null, null);
                        }
                        rows.add(row);
                    }
                } catch (UncheckedIOException e) {
                    // The parser stops at the first malformed record (an unclosed quote, text after a closing quote).
                    throw new ApiException(400, "invalid_csv", "the file is not valid CSV after line " + line + ": "
                        + e.getCause().getMessage(), null, (int) line + 1);
                }
                return new CsvTable(List.copyOf(fields), List.copyOf(rows));
            } catch (CharacterCodingException e) {
                throw ApiException.badRequest("invalid_encoding", "the file is not UTF-8 text", null);
            } catch (IOException e) {
                throw new ApiException(400, "invalid_csv", "the header is not valid CSV: " + e.getMessage(), null, 1);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ApiException(400, "invalid_csv", "the file is not CSV this import reads: " + e.getMessage(),
                    null, null);
            }
        }

        private List<String> header(List<String> headers) {
            List<String> fields = new ArrayList<>();
            for (int column = 0; column < headers.size(); column++) {
                String header = headers.get(column);
                String field = fieldOf.apply(header);
                if (field == null) {
                    throw new ApiException(400, "unknown_column", "column " + (column + 1) + " '" + header
                        + "' is not one of " + columns, header, 1);
                }
                if (fields.contains(field)) {
                    throw new ApiException(400, "duplicate_column", "two columns set " + field, field, 1);
                }
                fields.add(field);
            }
            for (String field : required) {
                if (!fields.contains(field)) {
                    throw new ApiException(400, "required", "the header has no " + field + " column", field, 1);
                }
            }
            return fields;
        }

        /** The record as a row, or null when every cell is blank. */
        private static Row row(CSVRecord record, long line, List<String> fields) {
            boolean blank = true;
            for (String cell : record) {
                blank &= cell.isBlank();
            }
            if (blank) {
                return null;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int column = 0; column < fields.size(); column++) {
                cells.put(fields.get(column), record.size() > column ? record.get(column) : null);
            }
            return new Row(line, Collections.unmodifiableMap(cells), record.size());
        }
    }
}
