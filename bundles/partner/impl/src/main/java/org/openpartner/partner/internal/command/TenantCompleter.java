package org.openpartner.partner.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.IdentityService;

/** Completes {@code --tenant} with enterprise names. */
@Service
public class TenantCompleter implements Completer {

    @Reference
    private IdentityService identities;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        identities.listEnterprises(CallContext.console(null)).forEach(e -> names.getStrings().add(e.name()));
        return names.complete(session, commandLine, candidates);
    }
}
