package org.openpartner.accounts.internal;

import java.util.List;
import java.util.Map;

import org.openpartner.accounts.api.BusinessInfoService;
import org.openpartner.platform.api.CsvTable;

/** A business-info data set as CSV: which field each header spelling names. */
final class BusinessInfoCsv {

    static final List<String> COLUMNS = List.of("registrationId", "name", "industry", "region", "address");

    /** Header spellings besides the field names (as {@link CsvTable#key} folds them). */
    private static final Map<String, String> ALIASES = Map.of("taxid", "registrationId", "companyname", "name",
        "unifiedregistrationid", "registrationId", "registrationnumber", "registrationId");

    /** Data sets: the registration id and the name are required, within the import's limits. */
    static final CsvTable.Reader READER = CsvTable.reader(COLUMNS, BusinessInfoCsv::fieldOf,
        List.of("registrationId", "name"), BusinessInfoService.MAX_IMPORT_BYTES, BusinessInfoService.MAX_IMPORT_ROWS);

    private BusinessInfoCsv() {
    }

    static String fieldOf(String header) {
        String key = CsvTable.key(header);
        for (String column : COLUMNS) {
            if (CsvTable.key(column).equals(key)) {
                return column;
            }
        }
        return ALIASES.get(key);
    }
}
