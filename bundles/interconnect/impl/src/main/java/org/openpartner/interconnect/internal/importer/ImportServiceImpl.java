package org.openpartner.interconnect.internal.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openpartner.interconnect.api.ImportService;
import org.openpartner.interconnect.api.dto.ImportJob;
import org.openpartner.interconnect.api.dto.ImportOptions;
import org.openpartner.interconnect.api.dto.RejectedRow;
import org.openpartner.interconnect.internal.AppRegistry;
import org.openpartner.interconnect.internal.ConnectionServiceImpl;
import org.openpartner.interconnect.internal.InterconnectConfig;
import org.openpartner.interconnect.internal.Roles;
import org.openpartner.interconnect.internal.jpa.ImportJobEntity;
import org.openpartner.interconnect.internal.jpa.ImportRejectionEntity;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.KeysetCursor;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.SpreadsheetCells;
import org.openpartner.platform.api.PhoneNumbers;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/** Accepts import files, validates them into a plan, and hands the job to the {@link ImportRunner}. */
@Component(service = ImportService.class, configurationPid = InterconnectConfig.PID)
public class ImportServiceImpl implements ImportService {

    private static final String SORT_NEWEST = "newest";
    private static final String SORT_LINE = "line";
    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 128;

    private final Transactions tx;
    private final ConnectionServiceImpl connections;
    private final ImportRunner runner;
    private final ImportRules rules;
    private volatile InterconnectConfig config;

    @Activate
    public ImportServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-interconnect)") EntityManagerFactory emf,
                             @Reference ConnectionServiceImpl connections, @Reference PhoneNumbers phones,
                             @Reference AppRegistry apps, @Reference ImportRunner runner, InterconnectConfig config) {
        this.tx = new Transactions(emf);
        this.connections = connections;
        this.runner = runner;
        this.rules = new ImportRules(phones, apps::findIdByIdOrName);
        configure(config);
    }

    @Modified
    void configure(InterconnectConfig config) {
        this.config = config;
    }

    @Override
    public ImportJob submit(CallContext ctx, String fileName, String mediaType, InputStream content,
                            long declaredLength, ImportOptions options) {
        Roles.requireStaff(ctx);
        ImportOptions opts = options == null ? ImportOptions.defaults() : options;
        Set<String> roles = connections.requireExternalRoles(ctx, opts.roles());
        List<String> apps = connections.requireInstalled(opts.apps());
        String password = opts.initialPassword() == null || opts.initialPassword().isEmpty() ? null : opts.initialPassword();
        if (password != null && (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)) {
            throw ApiException.badRequest("invalid_password", "initialPassword must be " + MIN_PASSWORD + " to "
                + MAX_PASSWORD + " characters", "initialPassword");
        }
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        byte[] bytes = readLimited(content, declaredLength, config.import_maxBytes());
        String format = ImportFileReader.detectFormat(name, mediaType, bytes);
        ImportPlan plan = rules.plan(ImportFileReader.read(format, bytes, Math.max(1, config.import_maxRows())));
        ImportJobEntity job = newJob(ctx, name, format, bytes, plan, Roles.join(roles), String.join(",", apps), password);
        tx.inTransaction(em -> {
            em.persist(job);
            for (ImportPlan.Company company : plan.companies()) {
                for (RejectedRow row : company.rejections()) {
                    em.persist(rejection(job.getId(), company.ordinal(), row));
                }
            }
            return null;
        });
        if (!job.getStatus().equals(ImportJob.COMPLETED)) {
            runner.wake();
        }
        return get(ctx, job.getId());
    }

    static byte[] readLimited(InputStream content, long declaredLength, long maxBytes) {
        if (declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (content == null) {
            throw ApiException.badRequest("required", "the request has no file", "file");
        }
        try (InputStream in = content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw ApiException.badRequest("empty_file", "the file is empty", "file");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("upload_failed", "the file could not be read completely", "file");
        }
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "file_too_large", "the file is larger than " + maxBytes
            + " bytes (import.maxBytes): split it into several imports", "file", null);
    }

    private static ImportJobEntity newJob(CallContext ctx, String fileName, String format, byte[] bytes, ImportPlan plan,
                                          String roles, String apps, String password) {
        Instant now = Instant.now();
        ImportJobEntity job = new ImportJobEntity();
        job.setId(Ids.newId());
        job.setTenantId(ctx.tenantId());
        job.setFileName(fileName);
        job.setFormat(format);
        job.setRoles(roles);
        job.setApps(apps.isEmpty() ? null : apps);
        job.setTotalRows(plan.totalRows());
        job.setTotalCompanies(plan.companies().size());
        // Rejected companies count as processed from the start: the runner skips them.
        int rejectedRows = plan.rejectedRows();
        int rejectedCompanies = (int) plan.rejectedCompanies();
        job.setRejectedRows(rejectedRows);
        job.setRejectedCompanies(rejectedCompanies);
        job.setProcessedRows(rejectedRows);
        job.setProcessedCompanies(rejectedCompanies);
        boolean nothingToDo = rejectedCompanies == plan.companies().size();
        job.setStatus(nothingToDo ? ImportJob.COMPLETED : ImportJob.QUEUED);
        job.setContent(nothingToDo ? null : bytes);
        job.setInitialPassword(nothingToDo ? null : password);
        job.setNextCompany(nothingToDo ? plan.companies().size() : 0);
        job.setCreatedBy(ctx.userId());
        job.setCreatorLogin(ctx.loginName());
        job.setCreatorName(ctx.displayName());
        job.setCreatorHome(ctx.homeEnterpriseId());
        job.setCreatorRoles(String.join(",", ctx.roles()));
        job.setCreatorTenantAdmin(ctx.tenantAdmin());
        job.setCreatorPlatformAdmin(ctx.platformAdmin());
        job.setCreatedAt(now);
        if (nothingToDo) {
            job.setStartedAt(now);
            job.setFinishedAt(now);
        }
        return job;
    }

    static ImportRejectionEntity rejection(String jobId, int ordinal, RejectedRow row) {
        ImportRejectionEntity r = new ImportRejectionEntity();
        r.setId(Ids.newId());
        r.setJobId(jobId);
        r.setCompanyOrdinal(ordinal);
        r.setLine(row.line());
        r.setCompany(cut(row.company(), 300));
        r.setContactName(cut(row.contactName(), 300));
        r.setMobile(cut(row.mobile(), 100));
        r.setCode(row.code());
        r.setField(row.field());
        r.setReason(cut(row.reason(), 1000));
        return r;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public ImportJob get(CallContext ctx, String jobId) {
        Roles.requireStaff(ctx);
        return tx.read(em -> toDto(require(em, ctx, jobId)));
    }

    static ImportJobEntity require(EntityManager em, CallContext ctx, String jobId) {
        ImportJobEntity job = jobId == null ? null : em.find(ImportJobEntity.class, jobId);
        if (job == null || !job.getTenantId().equals(ctx.tenantId())) {
            throw ApiException.notFound("Import job");
        }
        return job;
    }

    @Override
    public Page<ImportJob> list(CallContext ctx, PageRequest page) {
        Roles.requireStaff(ctx);
        KeysetCursor cursor = KeysetCursor.decode(page.cursor(), SORT_NEWEST);
        List<ImportJobEntity> rows = tx.read(em -> {
            TypedQuery<ImportJobEntity> query = em.createQuery("select j from ImportJobEntity j where j.tenantId = :t"
                + (cursor == null ? "" : " and j.id < :after") + " order by j.id desc", ImportJobEntity.class)
                .setParameter("t", ctx.tenantId());
            if (cursor != null) {
                query.setParameter("after", cursor.id());
            }
            return query.setMaxResults(page.limit() + 1).getResultList();
        });
        boolean more = rows.size() > page.limit();
        List<ImportJobEntity> pageRows = more ? rows.subList(0, page.limit()) : rows;
        String next = more ? new KeysetCursor(SORT_NEWEST, "", pageRows.get(pageRows.size() - 1).getId()).encode() : null;
        return new Page<>(pageRows.stream().map(ImportServiceImpl::toDto).toList(), next);
    }

    @Override
    public Page<RejectedRow> rejectedRows(CallContext ctx, String jobId, PageRequest page) {
        Roles.requireStaff(ctx);
        KeysetCursor cursor = KeysetCursor.decode(page.cursor(), SORT_LINE);
        List<ImportRejectionEntity> rows = tx.read(em -> {
            require(em, ctx, jobId);
            TypedQuery<ImportRejectionEntity> query = em.createQuery("select r from ImportRejectionEntity r "
                    + "where r.jobId = :j" + (cursor == null ? "" : " and (r.line > :line or (r.line = :line and r.id > :id))")
                    + " order by r.line, r.id", ImportRejectionEntity.class)
                .setParameter("j", jobId);
            if (cursor != null) {
                query.setParameter("line", lineOf(cursor)).setParameter("id", cursor.id());
            }
            return query.setMaxResults(page.limit() + 1).getResultList();
        });
        boolean more = rows.size() > page.limit();
        List<ImportRejectionEntity> pageRows = more ? rows.subList(0, page.limit()) : rows;
        ImportRejectionEntity last = pageRows.isEmpty() ? null : pageRows.get(pageRows.size() - 1);
        String next = more ? new KeysetCursor(SORT_LINE, String.valueOf(last.getLine()), last.getId()).encode() : null;
        return new Page<>(pageRows.stream().map(ImportServiceImpl::toDto).toList(), next);
    }

    private static int lineOf(KeysetCursor cursor) {
        try {
            return Integer.parseInt(cursor.value());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_cursor", "the cursor is not one this list issued", "cursor");
        }
    }

    @Override
    public void writeReport(CallContext ctx, String jobId, OutputStream out) {
        Roles.requireStaff(ctx);
        tx.read(em -> require(em, ctx, jobId));
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader("line", "company", "contact name", "mobile", "code", "field", "reason").build());
            String cursor = null;
            do {
                Page<RejectedRow> page = rejectedRows(ctx, jobId, new PageRequest(PageRequest.MAX_LIMIT, cursor, null));
                for (RejectedRow row : page.items()) {
                    csv.printRecord(row.line(), safe(row.company()), safe(row.contactName()), safe(row.mobile()),
                        row.code(), row.field(), safe(row.reason()));
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Neutralises cells a spreadsheet would run as a formula (CSV injection): the report echoes file content. */
    static String safe(String cell) {
        return SpreadsheetCells.neutralize(cell);
    }

    @Override
    public ImportJob cancel(CallContext ctx, String jobId) {
        Roles.requireStaff(ctx);
        return tx.inTransaction(em -> {
            ImportJobEntity job = require(em, ctx, jobId);
            if (toDto(job).finished()) {
                throw ApiException.conflict("job_finished", "the import job is already " + job.getStatus(), "status");
            }
            job.setCancelRequested(true);
            if (ImportJob.QUEUED.equals(job.getStatus())) {
                ImportRunner.finish(job, ImportJob.CANCELLED, null);
            }
            return toDto(job);
        });
    }

    static ImportJob toDto(ImportJobEntity j) {
        return new ImportJob(j.getId(), j.getFileName(), j.getFormat(), j.getStatus(), j.getTotalRows(),
            j.getTotalCompanies(), j.getProcessedRows(), j.getProcessedCompanies(), j.getImportedCompanies(),
            j.getImportedRows(), j.getRejectedRows(), j.getRejectedCompanies(), j.getCreatedBy(), j.getCreatedAt(),
            j.getStartedAt(), j.getFinishedAt(), j.getError());
    }

    static RejectedRow toDto(ImportRejectionEntity r) {
        return new RejectedRow(r.getLine(), r.getCompany(), r.getContactName(), r.getMobile(), r.getCode(),
            r.getField(), r.getReason());
    }
}
