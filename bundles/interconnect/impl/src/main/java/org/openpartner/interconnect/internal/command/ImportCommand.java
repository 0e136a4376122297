package org.openpartner.interconnect.internal.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.openpartner.interconnect.api.ImportService;
import org.openpartner.interconnect.api.dto.ImportJob;
import org.openpartner.interconnect.api.dto.ImportOptions;

@Command(scope = "connection", name = "import",
         description = "Imports connected companies from a CSV or XLSX file on this server (one row per contact)")
@Service
public class ImportCommand extends ConnectionCommand {

    @Reference
    ImportService imports;

    @Argument(index = 0, name = "file", description = "Path of the .csv or .xlsx file", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--app", multiValued = true, description = "App to enable for every imported company")
    List<String> apps;

    @Option(name = "--role", multiValued = true, description = "External role of the imported users (default dealer-personnel)")
    List<String> roles;

    @Option(name = "--watch", description = "Print the job's progress until it finishes")
    boolean watch;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + path.toAbsolutePath());
        }
        ImportJob job;
        try (InputStream in = Files.newInputStream(path)) {
            job = asConsole(ctx -> imports.submit(ctx, path.getFileName().toString(), null, in, sizeOf(path),
                new ImportOptions(roles, apps, null)));
        }
        System.out.println("Import job " + job.id() + ": " + job.totalCompanies() + " companies in " + job.totalRows()
            + " rows, " + job.rejectedRows() + " rows rejected by validation");
        ImportStatusCommand.printRejected(asConsole(ctx -> imports.rejectedRows(ctx, job.id(),
            org.openpartner.platform.api.PageRequest.first(ImportStatusCommand.SHOWN_REJECTIONS))));
        if (watch) {
            ImportStatusCommand.watch(job, id -> asConsole(ctx -> imports.get(ctx, id)));
        } else {
            System.out.println("Follow it with: connection:import-status --tenant \"" + tenant + "\" --watch " + job.id());
        }
        return null;
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }
}
