package org.openpartner.accounts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openpartner.accounts.api.BusinessInfoService;
import org.openpartner.platform.api.ApiException;

/** A business-info data set as CSV: the header's columns mapped to fields, rows read with their spreadsheet lines. */
final class BusinessInfoCsv {

    static final List<String> COLUMNS = List.of("registrationId", "name", "industry", "region", "address");

    /** Header spellings besides the field names (folded: lower case, no spaces, dashes or underscores). */
    private static final Map<String, String> ALIASES = Map.of("taxid", "registrationId", "companyname", "name",
        "unifiedregistrationid", "registrationId", "registrationnumber", "registrationId");

    /** A data row: its line in a spreadsheet (the header is 1) and its cells by field. */
    record Row(long line, Map<String, String> cells, int size) {
        String get(String field) {
            return cells.get(field);
        }
    }

    private BusinessInfoCsv() {
    }

    static String fieldOf(String header) {
        String key = header == null ? "" : header.replace("\uFEFF", "").replaceAll("[\\s_-]", "")
            .toLowerCase(Locale.ROOT);
        for (String column : COLUMNS) {
            if (column.toLowerCase(Locale.ROOT).equals(key)) {
                return column;
            }
        }
        return ALIASES.get(key);
    }

    /**
     * The file's header fields and rows. The header must name known, distinct columns including the registration id
     * and the name; more than {@link BusinessInfoService#MAX_IMPORT_ROWS} rows is 413.
     */
    static Map.Entry<List<String>, List<Row>> read(InputStream in) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true).build().parse(reader)) {
            List<String> fields = new ArrayList<>();
            List<String> headers = parser.getHeaderNames();
            for (int column = 0; column < headers.size(); column++) {
                String field = fieldOf(headers.get(column));
                if (field == null) {
                    throw new ApiException(400, "unknown_column", "column " + (column + 1) + " '" + headers.get(column)
                        + "' is not one of " + COLUMNS, headers.get(column), 1);
                }
                if (fields.contains(field)) {
                    throw new ApiException(400, "duplicate_column", "two columns set " + field, field, 1);
                }
                fields.add(field);
            }
            for (String required : List.of("registrationId", "name")) {
                if (!fields.contains(required)) {
                    throw new ApiException(400, "required", "the header has no " + required + " column", required, 1);
                }
            }
            List<Row> rows = new ArrayList<>();
            long line = 1;
            try {
                for (CSVRecord record : parser) {
                    line = record.getRecordNumber() + 1;
                    boolean blank = true;
                    for (String cell : record) {
                        blank &= cell.isBlank();
                    }
                    if (blank) {
                        continue;
                    }
                    if (rows.size() == BusinessInfoService.MAX_IMPORT_ROWS) {
                        throw new ApiException(413, "too_many_rows", "a data set imports at most "
                            + BusinessInfoService.MAX_IMPORT_ROWS + " rows", null, null);
                    }
                    Map<String, String> cells = new java.util.HashMap<>();
                    for (int column = 0; column < fields.size(); column++) {
                        cells.put(fields.get(column), record.size() > column ? record.get(column) : null);
                    }
                    rows.add(new Row(line, cells, record.size()));
                }
            } catch (UncheckedIOException e) {
                throw new ApiException(400, "invalid_csv", "the file is not valid CSV after line " + line + ": "
                    + e.getCause().getMessage(), null, (int) line + 1);
            }
            return Map.entry(fields, rows);
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("invalid_encoding", "the file is not UTF-8 text", null);
        } catch (IOException e) {
            throw new ApiException(400, "invalid_csv", "the header is not valid CSV: " + e.getMessage(), null, 1);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ApiException(400, "invalid_csv", "the file is not CSV this import reads: " + e.getMessage(),
                null, null);
        }
    }
}
