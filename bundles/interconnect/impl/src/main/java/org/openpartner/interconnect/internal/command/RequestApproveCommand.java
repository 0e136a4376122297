package org.openpartner.interconnect.internal.command;

import java.util.LinkedHashSet;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.interconnect.api.InvitationService;
import org.openpartner.interconnect.api.dto.Approval;
import org.openpartner.interconnect.api.dto.ConnectResult;

@Command(scope = "connection", name = "approve",
         description = "Approves a pending connection request: connects the company as a new or an existing partner")
@Service
public class RequestApproveCommand extends ConnectionCommand {

    @Reference
    InvitationService invitations;

    @Argument(index = 0, name = "requestId", description = "The request's id (see connection:requests)", required = true)
    String requestId;

    @Option(name = "--partner", description = "Connect to this existing partner (id) instead of creating one")
    String partnerId;

    @Option(name = "--role", multiValued = true, description = "External role of its users (default dealer-personnel)")
    List<String> roles;

    @Option(name = "--app", multiValued = true, description = "App to enable besides those on by default")
    List<String> apps;

    @Override
    public Object execute() {
        ConnectResult result = asConsole(ctx -> invitations.approve(ctx, requestId,
            new Approval(partnerId, roles == null ? null : new LinkedHashSet<>(roles), apps)));
        System.out.println("Approved: " + result.connection().partnerName() + " is connected (connection "
            + result.connection().id() + ", apps " + text(result.connection().apps()) + ")");
        return null;
    }
}
