package org.openpartner.platform.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.dto.Enterprise;

/** Completes enterprise names. */
@Service
public class EnterpriseCompleter implements Completer {

    @Reference
    private IdentityService identities;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        for (Enterprise enterprise : identities.listEnterprises(CallContext.console(null))) {
            names.getStrings().add(enterprise.name());
        }
        return names.complete(session, commandLine, candidates);
    }
}
