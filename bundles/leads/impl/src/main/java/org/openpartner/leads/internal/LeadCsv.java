package org.openpartner.leads.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openpartner.leads.api.LeadService;
import org.openpartner.leads.api.dto.LeadInput;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.access.FieldDefinition;

/** Leads as CSV: the header's columns mapped to fields, rows read with their record numbers. */
final class LeadCsv {

    /** The fields a file may set, in {@link LeadInput}'s order. */
    static final List<String> IMPORTABLE = List.of("name", "companyName", "mobile", "email", "source", "region",
        "industry", "recordType");

    /** The fields an export may write, in the object's order (the version is no business of a spreadsheet). */
    static final List<String> EXPORTABLE = LeadObject.DEFINITION.fields().stream().map(FieldDefinition::name)
        .filter(name -> !name.equals("version")).toList();

    /**
     * A data row: its row in a spreadsheet (the header is 1; a cell may span lines of the file), its input, and how
     * many cells it has (more than the header's columns is an error of the row).
     */
    record Row(long line, LeadInput input, int cells) {
    }

    private LeadCsv() {
    }

    /** The column a header cell names: a field's name or label, case and spaces aside. */
    static String fieldOf(String header) {
        String key = key(header);
        for (FieldDefinition field : LeadObject.DEFINITION.fields()) {
            if (IMPORTABLE.contains(field.name()) && (key(field.name()).equals(key) || key(field.label()).equals(key))) {
                return field.name();
            }
        }
        return null;
    }

    private static String key(String text) {
        return text == null ? "" : text.replace("\uFEFF", "").replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }

    /**
     * The file's rows. The header must name known, distinct fields including {@code name}; more than
     * {@link LeadService#MAX_IMPORT_ROWS} rows is 413.
     *
     * @return the header's fields (in column order) and the rows
     */
    static Map.Entry<List<String>, List<Row>> read(InputStream in) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true).build().parse(reader)) {
            List<String> fields = new ArrayList<>();
            List<String> headers = parser.getHeaderNames();
            for (int column = 0; column < headers.size(); column++) {
                String header = headers.get(column);
                String field = fieldOf(header);
                if (field == null) {
                    throw new ApiException(400, "unknown_column", "column " + (column + 1) + " '" + header
                        + "' is no lead field; the columns are " + IMPORTABLE, header, 1);
                }
                if (fields.contains(field)) {
                    throw new ApiException(400, "duplicate_column", "two columns set " + field, field, 1);
                }
                fields.add(field);
            }
            if (!fields.contains("name")) {
                throw new ApiException(400, "required", "the header has no name column", "name", 1);
            }
            List<Row> rows = new ArrayList<>();
            long[] line = {1};
            try {
                for (CSVRecord record : parser) {
                    line[0] = record.getRecordNumber() + 1;
                    readRow(record, fields, rows);
                }
            } catch (UncheckedIOException e) {
                // The parser stops at the first malformed record (an unclosed quote, text after a closing quote).
                throw new ApiException(400, "invalid_csv", "the file is not valid CSV after line " + line[0] + ": "
                    + e.getCause().getMessage(), null, (int) line[0] + 1);
            }
            return Map.entry(fields, rows);
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("invalid_encoding", "the file is not UTF-8 text", null);
        } catch (IOException e) {
            throw new ApiException(400, "invalid_csv", "the header is not valid CSV: " + e.getMessage(), null, 1);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ApiException(400, "invalid_csv", "the file is not CSV this import reads: " + e.getMessage(), null, null);
        }
    }

    private static void readRow(CSVRecord record, List<String> fields, List<Row> rows) {
        // A blank row (Excel writes ",,,," at a sheet's end) is a row of the spreadsheet, so later rows keep its
        // numbering, with nothing to import.
        boolean blank = true;
        for (String cell : record) {
            blank &= cell.isBlank();
        }
        if (blank) {
            return;
        }
        if (rows.size() == LeadService.MAX_IMPORT_ROWS) {
            throw new ApiException(413, "too_many_rows", "a file imports at most " + LeadService.MAX_IMPORT_ROWS
                + " rows", null, null);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int column = 0; column < fields.size(); column++) {
            values.put(fields.get(column), record.size() > column ? record.get(column) : null);
        }
        rows.add(new Row(record.getRecordNumber() + 1, new LeadInput(values.get("name"), values.get("companyName"),
            values.get("mobile"), values.get("email"), values.get("source"), values.get("region"),
            values.get("industry"), blankToNull(values.get("recordType"))), record.size()));
    }

    /** A lead's exportable values by field name (the platform's masks apply to JSON, so columns are chosen by the caller). */
    static Map<String, Object> values(org.openpartner.leads.api.dto.Lead l) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", l.id());
        values.put("name", l.name());
        values.put("companyName", l.companyName());
        values.put("mobile", l.mobile());
        values.put("email", l.email());
        values.put("source", l.source());
        values.put("region", l.region());
        values.put("industry", l.industry());
        values.put("status", l.status());
        values.put("statusReason", l.statusReason());
        values.put("recordType", l.recordType());
        values.put("ownerUserId", l.ownerUserId());
        values.put("ownerCompanyId", l.ownerCompanyId());
        values.put("lastFollowUpAt", l.lastFollowUpAt());
        values.put("createdBy", l.createdBy());
        values.put("createdAt", l.createdAt());
        values.put("updatedAt", l.updatedAt());
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
