package org.openpartner.interconnect.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.interconnect.api.InvitationService;
import org.openpartner.interconnect.api.dto.InvitationCode;

@Command(scope = "connection", name = "code-revoke", description = "Revokes an invitation code: it can no longer be used")
@Service
public class CodeRevokeCommand extends ConnectionCommand {

    @Reference
    InvitationService invitations;

    @Argument(index = 0, name = "codeId", description = "The code's id (see connection:codes)", required = true)
    String codeId;

    @Override
    public Object execute() {
        InvitationCode code = asConsole(ctx -> invitations.revoke(ctx, codeId));
        System.out.println("Revoked code " + code.hint() + " (" + code.uses() + " uses)");
        return null;
    }
}
