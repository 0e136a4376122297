package org.openpartner.platform.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.dto.Enterprise;
import org.openpartner.platform.api.dto.NewUser;

@Command(scope = "openpartner", name = "enterprise-create",
         description = "Registers an upstream enterprise together with its first administrator")
@Service
public class EnterpriseCreateCommand implements Action {

    @Argument(index = 0, name = "name", description = "The enterprise's name", required = true)
    private String name;

    @Option(name = "--admin-login", description = "Login name of the enterprise's administrator")
    private String adminLogin;

    @Option(name = "--admin-mobile", description = "Mobile of the enterprise's administrator")
    private String adminMobile;

    @Option(name = "--admin-name", description = "Name of the enterprise's administrator", required = true)
    private String adminName;

    @Option(name = "--admin-email", description = "E-mail of the enterprise's administrator")
    private String adminEmail;

    @Option(name = "--admin-password", description = "Initial password of the administrator (8 to 128 characters)",
            required = true, censor = true)
    private String adminPassword;

    @Reference
    private IdentityService identities;

    @Override
    public Object execute() {
        Enterprise created = ApiException.forConsole(() -> identities.createEnterprise(CallContext.console(null), name,
            new NewUser(adminLogin, adminMobile, adminName, adminEmail, adminPassword, true)));
        System.out.println("Created enterprise " + created.name() + " (" + created.id() + ")");
        return null;
    }
}
