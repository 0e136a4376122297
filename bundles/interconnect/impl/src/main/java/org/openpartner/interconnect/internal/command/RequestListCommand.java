package org.openpartner.interconnect.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.interconnect.api.InvitationService;
import org.openpartner.interconnect.api.dto.ConnectionRequest;

@Command(scope = "connection", name = "requests",
         description = "Lists the connection requests companies made with invitation codes (pending ones by default)")
@Service
public class RequestListCommand extends ConnectionCommand {

    @Reference
    InvitationService invitations;

    @Option(name = "--status", description = "pending (default), approved, rejected or all")
    String status = ConnectionRequest.PENDING;

    @Override
    public Object execute() {
        String filter = "all".equalsIgnoreCase(status) ? null : status;
        List<ConnectionRequest> requests = asConsole(ctx -> invitations.listRequests(ctx, filter));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Company", "Status", "Requested", "Reason", "Id"}) {
            table.column(column);
        }
        for (ConnectionRequest r : requests) {
            table.addRow().addContent(text(r.companyName()), r.status(), text(r.createdAt()), text(r.reason()), r.id());
        }
        table.print(System.out);
        return null;
    }
}
