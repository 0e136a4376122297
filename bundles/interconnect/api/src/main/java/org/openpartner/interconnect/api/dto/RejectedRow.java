package org.openpartner.interconnect.api.dto;

/**
 * A file row that was not imported.
 *
 * @param line    the row's line in the file (1 is the header; for XLSX the sheet's row number)
 * @param code    why, e.g. {@code invalid_mobile}, {@code duplicate_mobile}, {@code no_system_admin},
 *                {@code company_rejected} (the row is fine but another row of its company is not)
 * @param field   the column at fault, when one is
 */
public record RejectedRow(int line, String company, String contactName, String mobile, String code, String field,
                          String reason) {
}
