package org.openpartner.interconnect.api.dto;

import java.time.Instant;

/**
 * A bulk import and its progress. Counts are of file rows (contacts) and of companies; {@code processedRows}
 * includes rejected rows, so the job is done when it reaches {@code totalRows}.
 *
 * @param status {@link #QUEUED}, {@link #RUNNING}, {@link #COMPLETED}, {@link #CANCELLED} or {@link #FAILED}
 * @param error  why a failed job stopped
 */
public record ImportJob(String id, String fileName, String format, String status, int totalRows,
                        int totalCompanies, int processedRows, int processedCompanies, int importedCompanies,
                        int importedRows, int rejectedRows, int rejectedCompanies, String createdBy,
                        Instant createdAt, Instant startedAt, Instant finishedAt, String error) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String FAILED = "failed";

    public boolean finished() {
        return COMPLETED.equals(status) || CANCELLED.equals(status) || FAILED.equals(status);
    }
}
