package org.openpartner.leads.api.dto;

import java.util.List;

/**
 * What an import did: the leads it created, or, when any row is wrong, none and every wrong row.
 *
 * @param imported how many leads were created (0 when {@code rejected} is not empty)
 */
public record LeadImport(int imported, List<RejectedRow> rejected) {

    public LeadImport {
        rejected = List.copyOf(rejected);
    }

    /**
     * A row that cannot be imported.
     *
     * @param line the row as a spreadsheet numbers it: the header is 1, blank rows count, a cell may span lines
     */
    public record RejectedRow(long line, String field, String code, String message) {
    }
}
