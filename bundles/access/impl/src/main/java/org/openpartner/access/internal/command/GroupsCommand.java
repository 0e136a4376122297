package org.openpartner.access.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.access.api.UserGroupAdmin;
import org.openpartner.access.api.dto.UserGroup;
import org.openpartner.access.api.dto.UserGroupInput;

@Command(scope = "access", name = "groups", description = "Lists user groups, or creates or deletes one")
@Service
public class GroupsCommand extends AccessCommand {

    @Option(name = "--create", description = "Creates a group with this name")
    String create;

    @Option(name = "--description", description = "With --create: what the group is for")
    String description;

    @Option(name = "--delete", description = "Deletes the group with this id (refused while a sharing rule names it)")
    String delete;

    @Reference
    UserGroupAdmin groups;

    @Override
    public Object execute() {
        List<UserGroup> all = asConsole(ctx -> {
            if (create != null) {
                groups.create(ctx, new UserGroupInput(create, description));
            }
            if (delete != null) {
                groups.delete(ctx, delete);
            }
            return groups.groups(ctx);
        });
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Members");
        table.column("Description");
        all.forEach(g -> table.addRow().addContent(g.id(), g.name(), g.memberCount(),
            g.description() == null ? "" : g.description()));
        table.print(System.out);
        return null;
    }
}
