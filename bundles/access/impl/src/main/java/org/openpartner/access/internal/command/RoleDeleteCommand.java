package org.openpartner.access.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "access", name = "role-delete", description = "Deletes a custom external role and its permissions")
@Service
public class RoleDeleteCommand extends AccessCommand {

    @Argument(index = 0, name = "key", description = "The role's key", required = true)
    String key;

    @Override
    public Object execute() {
        asConsole(ctx -> {
            admin.deleteRole(ctx, key);
            return null;
        });
        System.out.println("Deleted external role " + key);
        return null;
    }
}
