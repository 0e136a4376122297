package org.openpartner.access.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.access.api.UserGroupAdmin;
import org.openpartner.access.api.dto.GroupMember;

@Command(scope = "access", name = "group", description = "Lists a user group's members, or adds or removes members")
@Service
public class GroupCommand extends AccessCommand {

    @Argument(index = 0, name = "group", description = "The group's id", required = true)
    String group;

    @Option(name = "--add", description = "A user id to add (repeatable)", multiValued = true)
    List<String> add;

    @Option(name = "--remove", description = "A user id to remove")
    String remove;

    @Reference
    UserGroupAdmin groups;

    @Override
    public Object execute() {
        List<GroupMember> members = asConsole(ctx -> {
            if (add != null && !add.isEmpty()) {
                groups.addMembers(ctx, group, add);
            }
            if (remove != null) {
                groups.removeMember(ctx, group, remove);
            }
            return groups.members(ctx, group);
        });
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Name");
        table.column("Company");
        members.forEach(m -> table.addRow().addContent(m.userId(), m.name() == null ? "" : m.name(),
            m.companyId() == null ? "(employee)" : m.companyId()));
        table.print(System.out);
        return null;
    }
}
