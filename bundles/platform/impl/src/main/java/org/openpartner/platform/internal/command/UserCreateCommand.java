package org.openpartner.platform.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.dto.NewUser;
import org.openpartner.platform.api.dto.User;

@Command(scope = "openpartner", name = "user-create", description = "Adds an employee to an enterprise")
@Service
public class UserCreateCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    @Completion(EnterpriseCompleter.class)
    private String tenant;

    @Option(name = "--login", description = "Login name")
    private String login;

    @Option(name = "--mobile", description = "Mobile number")
    private String mobile;

    @Option(name = "--name", description = "Full name", required = true)
    private String name;

    @Option(name = "--email", description = "E-mail")
    private String email;

    @Option(name = "--password", description = "Initial password", required = true, censor = true)
    private String password;

    @Option(name = "--admin", description = "Makes the user an administrator of the enterprise")
    private boolean admin;

    @Option(name = "--role", description = "Internal role to give, e.g. channel-manager", multiValued = true)
    private java.util.List<String> roleKeys;

    @Reference
    private IdentityService identities;

    @Reference
    private RoleService roles;

    @Override
    public Object execute() {
        User user = ApiException.forConsole(() -> {
            var ctx = identities.consoleContext(tenant);
            User created = identities.createUser(ctx, new NewUser(login, mobile, name, email, password, admin));
            if (roleKeys != null) {
                roleKeys.forEach(key -> roles.assignRole(ctx, created.id(), key));
            }
            return identities.getUser(ctx, created.id());
        });
        System.out.println("Created user " + user.name() + " (" + user.id() + ") roles " + user.roles());
        return null;
    }
}
