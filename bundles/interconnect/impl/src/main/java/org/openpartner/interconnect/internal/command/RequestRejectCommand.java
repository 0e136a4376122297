package org.openpartner.interconnect.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.interconnect.api.InvitationService;
import org.openpartner.interconnect.api.dto.ConnectionRequest;

@Command(scope = "connection", name = "reject", description = "Rejects a pending connection request with a reason")
@Service
public class RequestRejectCommand extends ConnectionCommand {

    @Reference
    InvitationService invitations;

    @Argument(index = 0, name = "requestId", description = "The request's id (see connection:requests)", required = true)
    String requestId;

    @Option(name = "--reason", description = "Why; the requesting company sees it", required = true)
    String reason;

    @Override
    public Object execute() {
        ConnectionRequest request = asConsole(ctx -> invitations.reject(ctx, requestId, reason));
        System.out.println("Rejected the request of " + request.companyName() + ": " + request.reason());
        return null;
    }
}
