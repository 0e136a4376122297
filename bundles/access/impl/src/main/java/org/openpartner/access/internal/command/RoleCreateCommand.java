package org.openpartner.access.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.access.api.dto.RoleInput;
import org.openpartner.platform.api.dto.Role;

@Command(scope = "access", name = "role-create", description = "Creates a custom external role")
@Service
public class RoleCreateCommand extends AccessCommand {

    @Argument(index = 0, name = "key", description = "Lower-case letters, digits and dashes", required = true)
    String key;

    @Argument(index = 1, name = "name", description = "The role's name", required = true)
    String name;

    @Override
    public Object execute() {
        Role role = asConsole(ctx -> admin.createRole(ctx, new RoleInput(key, name)));
        System.out.println("Created external role " + role.key() + " (" + role.name() + ")");
        return null;
    }
}
