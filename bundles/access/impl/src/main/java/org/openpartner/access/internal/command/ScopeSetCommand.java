package org.openpartner.access.internal.command;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.access.api.ScopeAdmin;
import org.openpartner.access.api.dto.ObjectScopes;
import org.openpartner.access.api.dto.ScopeInput;
import org.openpartner.platform.api.access.DataScope;

@Command(scope = "access", name = "scope-set", description = "Sets an object's data scope, by default or for companies")
@Service
public class ScopeSetCommand extends AccessCommand {

    @Argument(index = 0, name = "object", description = "The object, e.g. lead", required = true)
    String object;

    @Argument(index = 1, name = "scope", required = true, description = "private, company-read-only, "
        + "company-read-write, public-read-only, public-read-write; or default (with --company: follow the default)")
    String scope;

    @Option(name = "--company", multiValued = true, description = "A downstream company id; repeat for several")
    List<String> companies;

    @Reference
    ScopeAdmin scopes;

    @Override
    public Object execute() {
        DataScope chosen = null;
        if (!"default".equalsIgnoreCase(scope)) {
            try {
                chosen = DataScope.valueOf(scope.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                System.err.println("Unknown scope " + scope + ": private, company-read-only, company-read-write, "
                    + "public-read-only, public-read-write or default");
                return null;
            }
        }
        ScopeInput input = new ScopeInput(chosen, companies);
        ObjectScopes result = asConsole(ctx -> scopes.setScope(ctx, object, input));
        System.out.println(result.object() + ": " + result.defaultScope() + " (default), "
            + result.companies().size() + " companies with their own scope");
        return null;
    }
}
