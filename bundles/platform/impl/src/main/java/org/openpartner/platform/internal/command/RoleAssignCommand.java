package org.openpartner.platform.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.RoleService;

@Command(scope = "openpartner", name = "role-assign", description = "Gives an internal role (e.g. channel-manager) to an employee")
@Service
public class RoleAssignCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    @Completion(EnterpriseCompleter.class)
    private String tenant;

    @Argument(index = 0, name = "userId", required = true, description = "The employee's id")
    private String userId;

    @Argument(index = 1, name = "role", required = true, description = "The role key")
    private String role;

    @Reference
    private IdentityService identities;

    @Reference
    private RoleService roles;

    @Override
    public Object execute() {
        ApiException.forConsole(() -> {
            roles.assignRole(identities.consoleContext(tenant), userId, role);
            return null;
        });
        System.out.println("Assigned " + role + " to " + userId);
        return null;
    }
}
