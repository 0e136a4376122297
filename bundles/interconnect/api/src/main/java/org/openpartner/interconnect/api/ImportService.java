package org.openpartner.interconnect.api;

import java.io.InputStream;
import java.io.OutputStream;

import org.openpartner.interconnect.api.dto.ImportJob;
import org.openpartner.interconnect.api.dto.ImportOptions;
import org.openpartner.interconnect.api.dto.RejectedRow;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Bulk import of connected companies (SPEC S2) from CSV or XLSX, one row per contact. Rows with the same company
 * name form one company; a company with any invalid row is rejected as a whole, the others are connected. An
 * import runs as a job that survives restarts: each company is written in one transaction together with the job's
 * progress, so a company is never half-written nor imported twice. Upstream channel staff only.
 */
@ProviderType
public interface ImportService {

    /** Columns a file must have (matched ignoring case, spaces, dashes and underscores). */
    String COLUMN_COMPANY = "company name";
    String COLUMN_CONTACT = "contact name";
    String COLUMN_MOBILE = "mobile";
    /** Optional columns. */
    String COLUMN_TYPE = "partner type";
    String COLUMN_LEVEL = "level";
    String COLUMN_EMAIL = "email";
    String COLUMN_SYSTEM_ADMIN = "system admin";
    String COLUMN_APPS = "apps";

    /**
     * Validates the file and queues its valid companies for import. The file is read up to the configured size
     * ({@code import.maxBytes}): a larger one is refused with 413 before it is parsed. File-level faults (not CSV or
     * XLSX, undecodable text, a missing column, no rows) are 400s that create no job; row faults become rejected rows
     * of the job, which this answer already counts.
     *
     * @param fileName  shown in job lists; its extension ({@code .csv}, {@code .xlsx}) picks the format when
     *                  {@code mediaType} does not
     * @param mediaType the upload's content type, or null
     * @param declaredLength the upload's length when the client declared it, else -1
     */
    ImportJob submit(CallContext ctx, String fileName, String mediaType, InputStream content, long declaredLength,
                     ImportOptions options);

    ImportJob get(CallContext ctx, String jobId);

    /** The tenant's import jobs, newest first. */
    Page<ImportJob> list(CallContext ctx, PageRequest page);

    /** The rejected rows of a job in line order; the cursor pages by line. */
    Page<RejectedRow> rejectedRows(CallContext ctx, String jobId, PageRequest page);

    /**
     * Writes the rejected rows as a CSV report (UTF-8 with BOM so that spreadsheets read it right): line, company,
     * contact name, mobile, code, reason.
     */
    void writeReport(CallContext ctx, String jobId, OutputStream out);

    /** Stops a queued or running job after the company in progress; what was imported stays. */
    ImportJob cancel(CallContext ctx, String jobId);
}
