package org.openpartner.interconnect.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.interconnect.api.ConnectionService;
import org.openpartner.interconnect.api.dto.Connection;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;

@Command(scope = "connection", name = "list", description = "Lists an upstream's connected companies, newest first")
@Service
public class ConnectionListCommand extends ConnectionCommand {

    @Reference
    ConnectionService connections;

    @Option(name = "--status", description = "active, suspended or ended")
    String status;

    @Option(name = "--limit", description = "How many at most (default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        Page<Connection> page = asConsole(ctx -> connections.list(ctx, status, new PageRequest(limit, null, null)));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Partner", "Company", "Status", "Origin", "Apps", "Members", "Id"}) {
            table.column(column);
        }
        for (Connection c : page.items()) {
            table.addRow().addContent(text(c.partnerName()), text(c.companyName()), c.status(), c.origin(), text(c.apps()),
                c.members(), c.id());
        }
        table.print(System.out);
        if (page.nextCursor() != null) {
            System.out.println("(more connections: raise --limit or filter with --status)");
        }
        return null;
    }
}
