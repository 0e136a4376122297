package org.openpartner.access.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.platform.api.dto.Role;

@Command(scope = "access", name = "roles", description = "Lists the external roles of an enterprise")
@Service
public class RolesCommand extends AccessCommand {

    @Override
    public Object execute() {
        List<Role> roles = asConsole(admin::externalRoles);
        ShellTable table = new ShellTable();
        table.column("Key");
        table.column("Name");
        table.column("System");
        roles.forEach(r -> table.addRow().addContent(r.key(), r.name(), r.system() ? "yes" : "no"));
        table.print(System.out);
        return null;
    }
}
