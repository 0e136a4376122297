package org.openpartner.access.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.access.api.ScopeAdmin;
import org.openpartner.access.api.dto.ObjectScopes;

@Command(scope = "access", name = "scope", description = "Shows an object's data scopes: the default and per company")
@Service
public class ScopeCommand extends AccessCommand {

    @Argument(index = 0, name = "object", description = "The object, e.g. lead", required = true)
    String object;

    @Reference
    ScopeAdmin scopes;

    @Override
    public Object execute() {
        ObjectScopes shown = asConsole(ctx -> scopes.scopes(ctx, object));
        System.out.println(shown.object() + ": " + shown.defaultScope() + " (default)");
        shown.companies().forEach((company, scope) -> System.out.println("  company " + company + ": " + scope));
        return null;
    }
}
