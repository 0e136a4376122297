package org.openpartner.interconnect.internal.importer;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.persistence.EntityManagerFactory;

import org.apache.openjpa.jdbc.conf.JDBCConfiguration;
import org.apache.openjpa.jdbc.sql.DerbyDictionary;
import org.apache.openjpa.persistence.OpenJPAEntityManagerFactorySPI;
import org.openpartner.interconnect.api.ImportService;
import org.openpartner.interconnect.api.dto.Connection;
import org.openpartner.interconnect.api.dto.ImportJob;
import org.openpartner.interconnect.api.dto.RejectedRow;
import org.openpartner.interconnect.internal.AppRegistry;
import org.openpartner.interconnect.internal.ConnectionServiceImpl;
import org.openpartner.interconnect.internal.ConnectionServiceImpl.Connector;
import org.openpartner.interconnect.internal.InterconnectConfig;
import org.openpartner.interconnect.internal.Roles;
import org.openpartner.interconnect.internal.jpa.ImportJobEntity;
import org.openpartner.interconnect.internal.jpa.ImportRejectionEntity;
import org.openpartner.partner.api.PartnerService;
import org.openpartner.partner.api.dto.ContactInput;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.partner.api.dto.PartnerContact;
import org.openpartner.partner.api.dto.PartnerInput;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.PhoneNumbers;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs import jobs, one at a time per node, on one worker thread. A batch of companies and the job's cursor and
 * counters are written in one unit of work, and the cursor only moves by a conditional update that names the
 * position it moves from and this node's lease: after a crash the job resumes at the first company not committed,
 * and two nodes can never both commit the same company. A company the services refuse is retried alone so that
 * the rest of its batch is still imported, then rejected with its line.
 */
@Component(service = ImportRunner.class, configurationPid = InterconnectConfig.PID)
public class ImportRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);
    private static final long SWEEP_SECONDS = 15;
    private static final int RUNNER_ID_LENGTH = 36;
    /** The batch pool's size: more batches in flight than threads would leave newer ones waiting on queued older ones. */
    private static final int MAX_BATCHES_IN_FLIGHT = 4;

    private final Transactions tx;
    private final UnitOfWork unitOfWork;
    private final ConnectionServiceImpl connections;
    private final PartnerService partners;
    private final EventPublisher events;
    private final ImportRules rules;
    private final String runnerId;
    private final ScheduledExecutorService worker;
    private final ExecutorService batches;
    private final boolean derby;
    private volatile boolean stopping;
    private volatile InterconnectConfig config;

    /** Another node took the job over, or it was cancelled: this node stops working on it. */
    private static final class LostJob extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostJob() {
            super(null, null, false, false);
        }
    }

    @Activate
    public ImportRunner(BundleContext bundleContext,
                        @Reference(target = "(osgi.unit.name=openpartner-interconnect)") EntityManagerFactory emf,
                        @Reference UnitOfWork unitOfWork, @Reference ConnectionServiceImpl connections,
                        @Reference PartnerService partners, @Reference PhoneNumbers phones, @Reference AppRegistry apps,
                        @Reference EventPublisher events, InterconnectConfig config) {
        this.tx = new Transactions(emf);
        this.unitOfWork = unitOfWork;
        this.connections = connections;
        this.partners = partners;
        this.events = events;
        this.rules = new ImportRules(phones, apps::findIdByIdOrName);
        this.config = config;
        this.runnerId = runnerId(bundleContext);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "openpartner-import");
            thread.setDaemon(true);
            return thread;
        });
        this.batches = Executors.newFixedThreadPool(MAX_BATCHES_IN_FLIGHT, r -> {
            Thread thread = new Thread(r, "openpartner-import-batch");
            thread.setDaemon(true);
            return thread;
        });
        this.derby = isDerby(emf);
        worker.scheduleWithFixedDelay(this::sweep, 0, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    private static boolean isDerby(EntityManagerFactory emf) {
        try {
            return emf.unwrap(OpenJPAEntityManagerFactorySPI.class).getConfiguration() instanceof JDBCConfiguration jdbc
                && jdbc.getDBDictionaryInstance() instanceof DerbyDictionary;
        } catch (RuntimeException notOpenJpa) {
            return false;
        }
    }

    @Modified
    void configure(InterconnectConfig config) {
        this.config = config;
    }

    /**
     * Lets the company in progress commit, then stops. The job keeps this node's lease; the next activation on
     * this node (same id, kept in the bundle's data area) resumes it at once, another node after the lease.
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        if (!worker.awaitTermination(60, TimeUnit.SECONDS)) {
            LOG.warn("Import worker did not stop within 60 s; interrupting it");
            worker.shutdownNow();
        }
        batches.shutdown();
        if (!batches.awaitTermination(10, TimeUnit.SECONDS)) {
            batches.shutdownNow();
        }
    }

    /** Looks for work now rather than at the next sweep. */
    void wake() {
        try {
            worker.execute(this::sweep);
        } catch (RejectedExecutionException e) {
            // stopping: the job stays queued for the next activation
        }
    }

    private static String runnerId(BundleContext bundleContext) {
        File file = bundleContext == null ? null : bundleContext.getDataFile("import-runner-id");
        try {
            if (file != null && file.isFile()) {
                String id = Files.readString(file.toPath(), StandardCharsets.UTF_8).strip();
                if (!id.isEmpty() && id.length() <= RUNNER_ID_LENGTH) {
                    return id;
                }
            }
            String id = Ids.newId();
            if (file != null) {
                Files.writeString(file.toPath(), id, StandardCharsets.UTF_8);
            }
            return id;
        } catch (IOException e) {
            LOG.warn("Cannot keep the import runner id in {}: a restart will wait for the lease", file, e);
            return Ids.newId();
        }
    }

    private void sweep() {
        try {
            for (Optional<String> job = claimNext(); job.isPresent() && !stopping; job = claimNext()) {
                run(job.get());
            }
        } catch (RuntimeException e) {
            LOG.error("Import sweep failed; retrying in {} s", SWEEP_SECONDS, e);
        }
    }

    /** Claims the oldest job that is queued, ours, or whose node stopped renewing its lease. */
    private Optional<String> claimNext() {
        if (stopping) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        java.util.Date stale = java.util.Date.from(now.minus(Duration.ofSeconds(Math.max(5, config.import_leaseSeconds()))));
        return tx.inTransaction(em -> {
            List<String> candidates = em.createQuery("select j.id from ImportJobEntity j where j.status in :open "
                    + "and (j.runnerId is null or j.runnerId = :me or j.heartbeatAt < :stale) order by j.id", String.class)
                .setParameter("open", List.of(ImportJob.QUEUED, ImportJob.RUNNING)).setParameter("me", runnerId)
                .setParameter("stale", stale).setMaxResults(5).getResultList();
            for (String id : candidates) {
                int claimed = em.createQuery("update ImportJobEntity j set j.runnerId = :me, j.heartbeatAt = :now, "
                        + "j.status = :running where j.id = :id and j.status in :open "
                        + "and (j.runnerId is null or j.runnerId = :me or j.heartbeatAt < :stale)")
                    .setParameter("me", runnerId).setParameter("now", java.util.Date.from(now))
                    .setParameter("running", ImportJob.RUNNING).setParameter("id", id)
                    .setParameter("open", List.of(ImportJob.QUEUED, ImportJob.RUNNING)).setParameter("stale", stale)
                    .executeUpdate();
                if (claimed == 1) {
                    return Optional.of(id);
                }
            }
            return Optional.<String>empty();
        });
    }

    private void run(String jobId) {
        ImportJobEntity job = tx.inTransaction(em -> {
            ImportJobEntity j = em.find(ImportJobEntity.class, jobId);
            j.getContent();
            if (j.getStartedAt() == null) {
                j.setStartedAt(Instant.now());
            }
            return j;
        });
        if (job.isCancelRequested()) {
            finishJob(job, ImportJob.CANCELLED, null);
            return;
        }
        LOG.info("Import job {} ({}) starts at company {} of {}", jobId, job.getFileName(), job.getNextCompany(),
            job.getTotalCompanies());
        try {
            ImportPlan plan = rules.plan(ImportFileReader.read(job.getFormat(), job.getContent(), Integer.MAX_VALUE));
            Set<Integer> rejectedAtSubmit = new HashSet<>(tx.read(em -> em.createQuery("select distinct "
                    + "r.companyOrdinal from ImportRejectionEntity r where r.jobId = :j", Integer.class)
                .setParameter("j", jobId).getResultList()));
            importCompanies(job, contextOf(job), plan, rejectedAtSubmit);
        } catch (LostJob e) {
            LOG.info("Import job {} was cancelled or taken over by another node; this node stops working on it", jobId);
        } catch (RuntimeException e) {
            LOG.error("Import job {} failed at company {}", jobId, job.getNextCompany(), e);
            failJob(job, "the import stopped on an internal error at company " + (job.getNextCompany() + 1)
                + " of the file; the companies before it are imported (see the server log)");
        }
    }

    /** A run of companies of the file, {@code from} inclusive to {@code to} exclusive, minus those rejected at upload. */
    private record Batch(int from, int to, List<ImportPlan.Company> companies) {
    }

    /** A batch gave up because the one before it stopped the job; the earlier failure is the one to report. */
    private static final class PreviousFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PreviousFailed() {
            super(null, null, false, false);
        }
    }

    /**
     * Imports batch after batch with up to {@link #batchesInFlight} of them in flight on the batch pool: each writes
     * its companies in its own unit, then waits for the batch before it to commit before it moves the cursor, so
     * units commit in file order and the cursor stays "everything before it is committed". While one batch waits
     * on the database, the next one does its Java work (PostgreSQL: the import's critical path was the worker's
     * CPU and its statements in series, with a fifth of the machine idle).
     */
    private void importCompanies(ImportJobEntity job, CallContext ctx, ImportPlan plan, Set<Integer> skip) {
        List<ImportPlan.Company> companies = plan.companies();
        int batchSize = Math.max(1, config.import_batchCompanies());
        int inFlight = batchesInFlight();
        Deque<CompletableFuture<Void>> running = new ArrayDeque<>();
        CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
        RuntimeException failure = null;
        int cursor = job.getNextCompany();
        while (cursor < companies.size() && failure == null && !stopping) {
            int end = cursor;
            List<ImportPlan.Company> chosen = new ArrayList<>();
            while (end < companies.size() && chosen.size() < batchSize) {
                if (!skip.contains(end)) {
                    chosen.add(companies.get(end));
                }
                end++;
            }
            Batch batch = new Batch(cursor, end, chosen);
            CompletableFuture<Void> before = previous;
            previous = CompletableFuture.runAsync(() -> runBatch(job, ctx, batch, before), batches);
            running.addLast(previous);
            cursor = end;
            while (running.size() >= inFlight && failure == null) {
                failure = outcome(running.removeFirst());
            }
        }
        // Every unit ends before the job does, whatever happened: the first failure in file order is the one.
        while (!running.isEmpty()) {
            RuntimeException later = outcome(running.removeFirst());
            failure = failure == null || failure instanceof PreviousFailed ? later : failure;
        }
        if (failure != null) {
            throw failure;
        }
        if (stopping && cursor < companies.size()) {
            LOG.info("Import job {} paused: the bundle stops", job.getId());
            return;
        }
        finishJob(job, ImportJob.COMPLETED, null);
    }

    /** Null when the batch committed, else why it stopped the job. */
    private static RuntimeException outcome(CompletableFuture<Void> batch) {
        try {
            batch.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Waits until the batch before has committed; throws when it stopped the job instead. */
    private static void awaitPrevious(CompletableFuture<Void> before) {
        try {
            before.join();
        } catch (CompletionException e) {
            throw new PreviousFailed();
        }
    }

    private void runBatch(ImportJobEntity job, CallContext ctx, Batch batch, CompletableFuture<Void> before) {
        importBatchOrItsCompanies(job, ctx, batch, before);
        synchronized (job) {
            // Only for messages about where the job stopped: the database's cursor is the truth.
            job.setNextCompany(Math.max(job.getNextCompany(), batch.to()));
        }
    }

    private void importBatchOrItsCompanies(ImportJobEntity job, CallContext ctx, Batch batch,
                                           CompletableFuture<Void> before) {
        try {
            unitOfWork.inUnit(() -> {
                Progress progress = importBatch(ctx, job, batch.companies());
                awaitPrevious(before);
                advance(job, batch.from(), batch.to(), progress);
                return null;
            });
        } catch (LostJob | PreviousFailed e) {
            throw e;
        } catch (RowFailure | ApiException e) {
            awaitPrevious(before);
            if (batch.companies().size() == 1) {
                reject(job, batch.from(), batch.to(), batch.companies().get(0), e);
            } else {
                importOneByOne(ctx, job, batch.companies(), batch.from(), batch.to());
            }
        } catch (RuntimeException e) {
            // e.g. a unique key another writer took meanwhile: find the company, or fail on a lasting fault
            awaitPrevious(before);
            if (batch.companies().size() == 1) {
                throw e;
            }
            LOG.debug("Import job {}: batch at company {} failed; retrying its companies one by one", job.getId(),
                batch.from(), e);
            importOneByOne(ctx, job, batch.companies(), batch.from(), batch.to());
        }
    }

    /**
     * Batches in flight: as configured, but one on Derby, whose reads wait on other transactions' uncommitted rows
     * (a failed batch's one-by-one retry could then wait on the next batch, which waits on it).
     */
    private int batchesInFlight() {
        return derby ? 1 : Math.min(MAX_BATCHES_IN_FLIGHT, Math.max(1, config.import_batchesInFlight()));
    }

    /** After a batch failed: each company in its own unit, so that only the faulty ones are rejected. */
    private void importOneByOne(CallContext ctx, ImportJobEntity job, List<ImportPlan.Company> batch, int from, int to) {
        int cursor = from;
        for (ImportPlan.Company company : batch) {
            int start = cursor;
            int next = company.ordinal() + 1;
            try {
                unitOfWork.inUnit(() -> {
                    importCompany(ctx, job, company);
                    advance(job, start, next, Progress.imported(List.of(company)));
                    return null;
                });
            } catch (RowFailure | ApiException e) {
                reject(job, start, next, company, e);
            }
            cursor = next;
        }
        if (cursor < to) {
            int start = cursor;
            unitOfWork.inUnit(() -> {
                advance(job, start, to, new Progress(0, 0, 0, 0, 0, 0));
                return null;
            });
        }
    }

    /**
     * Connects a batch of companies with set-based writes: one lookup of their names, then the new companies
     * together; a company whose partner exists is connected on its own, one already connected is rejected.
     */
    private Progress importBatch(CallContext ctx, ImportJobEntity job, List<ImportPlan.Company> batch) {
        Map<String, Partner> existing = new HashMap<>();
        for (Partner partner : partners.findByNames(ctx, batch.stream().map(ImportPlan.Company::name).toList())) {
            existing.put(Names.key(partner.name()), partner);
        }
        List<ConnectionServiceImpl.NewCompany> fresh = new ArrayList<>();
        List<ImportRejectionEntity> rejections = new ArrayList<>();
        int rows = 0;
        int importedRows = 0;
        int rejectedCompanies = 0;
        for (ImportPlan.Company company : batch) {
            rows += company.contacts().size();
            Partner partner = existing.get(Names.key(company.name()));
            if (partner != null && partner.connectedEnterpriseId() != null) {
                rejections.addAll(rejections(job, company, alreadyConnected(company, partner)));
                rejectedCompanies++;
                continue;
            }
            importedRows += company.contacts().size();
            if (partner != null) {
                connectCompany(ctx, job, company, partner);
            } else {
                fresh.add(new ConnectionServiceImpl.NewCompany(partnerInput(company), connectors(company), apps(job, company)));
            }
        }
        connections.establishNew(ctx, fresh, roles(job), Connection.ORIGIN_IMPORT, job.getInitialPassword());
        persist(rejections);
        return new Progress(rows, batch.size(), importedRows, batch.size() - rejectedCompanies, rejections.size(),
            rejectedCompanies);
    }

    private static RowFailure alreadyConnected(ImportPlan.Company company, Partner existing) {
        return new RowFailure(company.contacts().get(0).line(), ApiException.conflict("already_connected", "partner '"
            + existing.name() + "' is already connected", ImportService.COLUMN_COMPANY));
    }

    private static List<Connector> connectors(ImportPlan.Company company) {
        return company.contacts().stream()
            .map(c -> new Connector(c.name(), c.mobile(), c.email(), c.systemAdmin())).toList();
    }

    private static PartnerInput partnerInput(ImportPlan.Company company) {
        return new PartnerInput(company.name(), company.type(), company.level(), null, null, null, null, null);
    }

    private static Set<String> roles(ImportJobEntity job) {
        return Roles.orDefault(Roles.split(job.getRoles()));
    }

    private List<String> apps(ImportJobEntity job, ImportPlan.Company company) {
        Set<String> apps = new LinkedHashSet<>(Roles.split(job.getApps()));
        apps.addAll(company.apps());
        return connections.requireInstalled(List.copyOf(apps));
    }

    /** Connects one company of the file: its partner (found by name or created), contacts and connection. */
    private void importCompany(CallContext ctx, ImportJobEntity job, ImportPlan.Company company) {
        int firstLine = company.contacts().get(0).line();
        Partner existing = atLine(firstLine, () -> partners.findByName(ctx, company.name()).orElse(null));
        if (existing != null && existing.connectedEnterpriseId() != null) {
            throw alreadyConnected(company, existing);
        }
        connectCompany(ctx, job, company, existing);
    }

    /** Connects a company whose partner is {@code existing} (unconnected), or a new one when null. */
    private void connectCompany(CallContext ctx, ImportJobEntity job, ImportPlan.Company company, Partner existing) {
        int firstLine = company.contacts().get(0).line();
        Partner partner = existing != null ? existing : atLine(firstLine, () -> partners.create(ctx, partnerInput(company)));
        Set<String> knownMobiles = new HashSet<>();
        if (existing != null) {
            for (PartnerContact contact : partners.listContacts(ctx, partner.id())) {
                knownMobiles.add(contact.mobile());
            }
        }
        for (ImportPlan.Contact contact : company.contacts()) {
            if (!knownMobiles.contains(contact.mobile())) {
                atLine(contact.line(), () -> partners.addContact(ctx, partner.id(), new ContactInput(contact.name(),
                    contact.mobile(), contact.email(), null, contact.systemAdmin(), null)));
            }
        }
        atLine(firstLine, () -> connections.establish(ctx, partner, connectors(company), roles(job), apps(job, company),
            Connection.ORIGIN_IMPORT, job.getInitialPassword(), false));
    }

    private static <T> T atLine(int line, Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiException e) {
            throw new RowFailure(line, e);
        }
    }

    /** Records why a company was not imported, and moves past it, in one unit. */
    private void reject(ImportJobEntity job, int from, int to, ImportPlan.Company company, RuntimeException failure) {
        List<ImportRejectionEntity> rejections = rejections(job, company, failure instanceof RowFailure f ? f
            : new RowFailure(company.firstLine(), (ApiException) failure));
        unitOfWork.inUnit(() -> {
            persist(rejections);
            advance(job, from, to, new Progress(rejections.size(), 1, 0, 0, rejections.size(), 1));
            return null;
        });
    }

    /** The company's rows as rejected: the culprit line with the refusal, the others as company_rejected. */
    private static List<ImportRejectionEntity> rejections(ImportJobEntity job, ImportPlan.Company company, RowFailure row) {
        List<ImportRejectionEntity> rejections = new ArrayList<>();
        for (ImportPlan.Contact contact : company.contacts()) {
            boolean culprit = contact.line() == row.line;
            rejections.add(ImportServiceImpl.rejection(job.getId(), company.ordinal(), new RejectedRow(contact.line(),
                company.name(), contact.name(), contact.mobile(),
                culprit ? row.refusal.code() : "company_rejected", culprit ? column(row.refusal.field()) : null,
                culprit ? row.refusal.getMessage() : "not imported because line " + row.line + " of the same company was refused")));
        }
        return rejections;
    }

    private void persist(List<ImportRejectionEntity> rejections) {
        if (!rejections.isEmpty()) {
            tx.inTransaction(em -> {
                rejections.forEach(em::persist);
                return null;
            });
        }
    }

    /** The file column a service's field name stands for. */
    private static String column(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "name", "partner.name" -> ImportService.COLUMN_COMPANY;
            case "type" -> ImportService.COLUMN_TYPE;
            case "level" -> ImportService.COLUMN_LEVEL;
            case "mobile" -> ImportService.COLUMN_MOBILE;
            case "email" -> ImportService.COLUMN_EMAIL;
            case "apps" -> ImportService.COLUMN_APPS;
            default -> field;
        };
    }

    /** Counter increments of one step of a job. */
    record Progress(int processedRows, int processedCompanies, int importedRows, int importedCompanies,
                    int rejectedRows, int rejectedCompanies) {

        static Progress imported(List<ImportPlan.Company> companies) {
            int rows = companies.stream().mapToInt(c -> c.contacts().size()).sum();
            return new Progress(rows, companies.size(), rows, companies.size(), 0, 0);
        }
    }

    /**
     * Moves the cursor from {@code from} to {@code to} inside the caller's unit, or throws {@link LostJob} when the
     * job is no longer at {@code from}, no longer leased to this node, or cancelled; the unit then rolls back.
     */
    private void advance(ImportJobEntity job, int from, int to, Progress p) {
        int updated = tx.inTransaction(em -> em.createQuery("update ImportJobEntity j set j.nextCompany = :to, "
                + "j.processedRows = j.processedRows + :pr, j.processedCompanies = j.processedCompanies + :pc, "
                + "j.importedRows = j.importedRows + :ir, j.importedCompanies = j.importedCompanies + :ic, "
                + "j.rejectedRows = j.rejectedRows + :rr, j.rejectedCompanies = j.rejectedCompanies + :rc, "
                + "j.heartbeatAt = :now where j.id = :id and j.nextCompany = :from and j.runnerId = :me "
                + "and j.status = :running and j.cancelRequested = :no")
            .setParameter("to", to).setParameter("pr", p.processedRows()).setParameter("pc", p.processedCompanies())
            .setParameter("ir", p.importedRows()).setParameter("ic", p.importedCompanies())
            .setParameter("rr", p.rejectedRows()).setParameter("rc", p.rejectedCompanies())
            .setParameter("now", java.util.Date.from(Instant.now())).setParameter("id", job.getId())
            .setParameter("from", from).setParameter("me", runnerId).setParameter("running", ImportJob.RUNNING)
            .setParameter("no", false).executeUpdate());
        if (updated != 1) {
            throw new LostJob();
        }
    }

    private void finishJob(ImportJobEntity job, String status, String error) {
        tx.inTransaction(em -> {
            ImportJobEntity j = em.find(ImportJobEntity.class, job.getId());
            if (!runnerId.equals(j.getRunnerId()) && j.getRunnerId() != null) {
                return null;
            }
            String finalStatus = j.isCancelRequested() && ImportJob.COMPLETED.equals(status) && j.getNextCompany() < j.getTotalCompanies()
                ? ImportJob.CANCELLED : status;
            finish(j, finalStatus, error);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("status", finalStatus);
            data.put("importedCompanies", j.getImportedCompanies());
            data.put("rejectedCompanies", j.getRejectedCompanies());
            data.put("rejectedRows", j.getRejectedRows());
            events.publish(em, new DomainEvent("import." + finalStatus, j.getTenantId(), "ImportJob", j.getId(),
                j.getCreatedBy(), "Import of '" + j.getFileName() + "' " + finalStatus + ": " + j.getImportedCompanies()
                + " companies imported, " + j.getRejectedCompanies() + " rejected", data));
            return null;
        });
        LOG.info("Import job {} {}", job.getId(), status);
    }

    private void failJob(ImportJobEntity job, String error) {
        finishJob(job, ImportJob.FAILED, error);
    }

    /** Ends a job: it keeps its counters and rejected rows, and drops the file and the initial password. */
    static void finish(ImportJobEntity job, String status, String error) {
        job.setStatus(status);
        job.setError(error);
        job.setFinishedAt(Instant.now());
        job.setContent(null);
        job.setInitialPassword(null);
        job.setRunnerId(null);
    }

    /** The job acts as the user who submitted it, with the roles they had then. */
    private static CallContext contextOf(ImportJobEntity job) {
        Set<String> roles = job.getCreatorRoles() == null || job.getCreatorRoles().isBlank() ? Set.of()
            : Set.of(job.getCreatorRoles().split(","));
        return new CallContext(job.getCreatedBy(), job.getCreatorLogin(), job.getCreatorName(), job.getTenantId(),
            job.getCreatorHome(), roles, job.isCreatorTenantAdmin(), job.isCreatorPlatformAdmin());
    }
}
