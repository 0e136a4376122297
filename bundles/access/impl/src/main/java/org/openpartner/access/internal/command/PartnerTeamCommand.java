package org.openpartner.access.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.access.api.TeamService;
import org.openpartner.access.api.dto.PartnerTeamInput;
import org.openpartner.access.api.dto.PartnerTeamMember;
import org.openpartner.platform.api.access.RecordAccess;

@Command(scope = "access", name = "partner-team",
         description = "Lists the downstream companies that work a record, or adds or removes one")
@Service
public class PartnerTeamCommand extends AccessCommand {

    @Argument(index = 0, name = "object", description = "The object, e.g. account", required = true)
    String object;

    @Argument(index = 1, name = "record", description = "The record's id", required = true)
    String record;

    @Option(name = "--add", description = "A downstream company id to add (or whose access to change)")
    String add;

    @Option(name = "--read-only", description = "With --add: the company's users may read the record but not change it")
    boolean readOnly;

    @Option(name = "--remove", description = "A company id to remove")
    String remove;

    @Reference
    TeamService teams;

    @Override
    public Object execute() {
        List<PartnerTeamMember> partners = asConsole(ctx -> {
            if (add != null) {
                teams.addPartner(ctx, object, record, new PartnerTeamInput(add,
                    readOnly ? RecordAccess.READ : RecordAccess.WRITE));
            }
            if (remove != null) {
                teams.removePartner(ctx, object, record, remove);
            }
            return teams.partners(ctx, object, record);
        });
        ShellTable table = new ShellTable();
        table.column("Company");
        table.column("Name");
        table.column("Access");
        partners.forEach(p -> table.addRow().addContent(p.companyId(), p.companyName() == null ? "" : p.companyName(),
            p.access()));
        table.print(System.out);
        return null;
    }
}
