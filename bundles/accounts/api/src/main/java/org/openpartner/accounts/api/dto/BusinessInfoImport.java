package org.openpartner.accounts.api.dto;

import java.util.List;

/**
 * The outcome of importing a business-info data set: how many companies were added and how many replaced (same
 * registration id), or, when any row was wrong, none and every wrong row.
 */
public record BusinessInfoImport(int added, int replaced, List<RejectedRow> rejected) {

    public BusinessInfoImport {
        rejected = List.copyOf(rejected);
    }

    /** A wrong row: its line in the spreadsheet (the header is 1), the column and why. */
    public record RejectedRow(long line, String field, String code, String message) {
    }
}
