package org.openpartner.leads.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openpartner.leads.api.LeadService;
import org.openpartner.leads.api.dto.LeadInput;
import org.openpartner.platform.api.CsvTable;
import org.openpartner.platform.api.access.FieldDefinition;

/** Leads as CSV: the columns a file may set and how a row reads as a lead, the columns an export writes. */
final class LeadCsv {

    /** The fields a file may set, in {@link LeadInput}'s order. */
    static final List<String> IMPORTABLE = List.of("name", "companyName", "mobile", "email", "source", "region",
        "industry", "recordType");

    /** The fields an export may write, in the object's order (the version is no business of a spreadsheet). */
    static final List<String> EXPORTABLE = LeadObject.DEFINITION.fields().stream().map(FieldDefinition::name)
        .filter(name -> !name.equals("version")).toList();

    /** Lead files: the importable fields by name or label, a name column required, within the import's limits. */
    static final CsvTable.Reader READER = CsvTable.reader(IMPORTABLE, LeadCsv::fieldOf, List.of("name"),
        LeadService.MAX_IMPORT_BYTES, LeadService.MAX_IMPORT_ROWS);

    private LeadCsv() {
    }

    /** The column a header cell names: a field's name or label, case and spaces aside. */
    static String fieldOf(String header) {
        String key = CsvTable.key(header);
        for (FieldDefinition field : LeadObject.DEFINITION.fields()) {
            if (IMPORTABLE.contains(field.name())
                && (CsvTable.key(field.name()).equals(key) || CsvTable.key(field.label()).equals(key))) {
                return field.name();
            }
        }
        return null;
    }

    /** A row of a lead file as the input it gives (a blank record type is none). */
    static LeadInput input(CsvTable.Row row) {
        return new LeadInput(row.get("name"), row.get("companyName"), row.get("mobile"), row.get("email"),
            row.get("source"), row.get("region"), row.get("industry"), blankToNull(row.get("recordType")));
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
