package org.openpartner.interconnect.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.interconnect.api.InvitationService;
import org.openpartner.interconnect.api.dto.InvitationCode;

@Command(scope = "connection", name = "codes", description = "Lists the upstream's invitation codes (only their hints)")
@Service
public class CodeListCommand extends ConnectionCommand {

    @Reference
    InvitationService invitations;

    @Override
    public Object execute() {
        List<InvitationCode> codes = asConsole(invitations::listCodes);
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Hint", "Label", "Status", "Uses", "Expires", "Id"}) {
            table.column(column);
        }
        for (InvitationCode c : codes) {
            table.addRow().addContent(c.hint(), text(c.label()), c.status(),
                c.uses() + "/" + (c.maxUses() == null ? "unlimited" : c.maxUses()), text(c.expiresAt()), c.id());
        }
        table.print(System.out);
        return null;
    }
}
