package org.openpartner.access.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.access.api.TeamService;
import org.openpartner.access.api.dto.TeamMember;
import org.openpartner.access.api.dto.TeamMemberInput;
import org.openpartner.platform.api.access.RecordAccess;

@Command(scope = "access", name = "team", description = "Lists a record's related team, or adds or removes a member")
@Service
public class TeamCommand extends AccessCommand {

    @Argument(index = 0, name = "object", description = "The object, e.g. lead", required = true)
    String object;

    @Argument(index = 1, name = "record", description = "The record's id", required = true)
    String record;

    @Option(name = "--add", description = "A user id to add (or whose access to change)")
    String add;

    @Option(name = "--write", description = "With --add: the member may change the record too")
    boolean write;

    @Option(name = "--remove", description = "A user id to remove")
    String remove;

    @Reference
    TeamService teams;

    @Override
    public Object execute() {
        List<TeamMember> members = asConsole(ctx -> {
            if (add != null) {
                teams.addMember(ctx, object, record, new TeamMemberInput(add, write ? RecordAccess.WRITE : RecordAccess.READ));
            }
            if (remove != null) {
                teams.removeMember(ctx, object, record, remove);
            }
            return teams.members(ctx, object, record);
        });
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Name");
        table.column("Access");
        members.forEach(m -> table.addRow().addContent(m.userId(), m.name() == null ? "" : m.name(), m.access()));
        table.print(System.out);
        return null;
    }
}
