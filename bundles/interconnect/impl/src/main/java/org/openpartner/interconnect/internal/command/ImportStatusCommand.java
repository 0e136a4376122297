package org.openpartner.interconnect.internal.command;

import java.util.function.Function;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.interconnect.api.ImportService;
import org.openpartner.interconnect.api.dto.ImportJob;
import org.openpartner.interconnect.api.dto.RejectedRow;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;

@Command(scope = "connection", name = "import-status",
         description = "Shows an import job's progress and its rejected rows; --watch follows it until it finishes")
@Service
public class ImportStatusCommand extends ConnectionCommand {

    static final int SHOWN_REJECTIONS = 20;
    private static final long WATCH_INTERVAL_MILLIS = 1000;

    @Reference
    ImportService imports;

    @Argument(index = 0, name = "jobId", description = "The import job's id", required = true)
    String jobId;

    @Option(name = "--watch", description = "Print progress until the job finishes (Ctrl-C stops watching, not the job)")
    boolean watch;

    @Override
    public Object execute() throws Exception {
        ImportJob job = asConsole(ctx -> imports.get(ctx, jobId));
        if (watch) {
            job = watch(job, id -> asConsole(ctx -> imports.get(ctx, id)));
        } else {
            System.out.println(progress(job));
        }
        printRejected(asConsole(ctx -> imports.rejectedRows(ctx, jobId, PageRequest.first(SHOWN_REJECTIONS))));
        return null;
    }

    static String progress(ImportJob job) {
        return job.status() + ": " + job.processedRows() + "/" + job.totalRows() + " rows processed, "
            + job.importedCompanies() + " companies imported, " + job.rejectedRows() + " rows in "
            + job.rejectedCompanies() + " companies rejected" + (job.error() == null ? "" : " - " + job.error());
    }

    /** Prints a line whenever the job moves, until it finishes; returns the finished job. */
    static ImportJob watch(ImportJob job, Function<String, ImportJob> reload) throws InterruptedException {
        String last = null;
        ImportJob current = job;
        while (true) {
            String line = progress(current);
            if (!line.equals(last)) {
                System.out.println(line);
                last = line;
            }
            if (current.finished()) {
                return current;
            }
            Thread.sleep(WATCH_INTERVAL_MILLIS);
            current = reload.apply(job.id());
        }
    }

    static void printRejected(Page<RejectedRow> rows) {
        if (rows.items().isEmpty()) {
            return;
        }
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Line", "Company", "Contact", "Code", "Reason"}) {
            table.column(column);
        }
        for (RejectedRow r : rows.items()) {
            table.addRow().addContent(r.line(), text(r.company()), text(r.contactName()), r.code(), r.reason());
        }
        table.print(System.out);
        if (rows.nextCursor() != null) {
            System.out.println("(more rejected rows: GET /api/v1/imports/<id>/report lists them all)");
        }
    }
}
