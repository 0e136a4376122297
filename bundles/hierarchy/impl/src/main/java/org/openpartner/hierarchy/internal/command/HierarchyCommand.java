package org.openpartner.hierarchy.internal.command;

import java.util.function.Function;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.openpartner.hierarchy.api.HierarchyService;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.IdentityService;

/** What every hierarchy command shares: the tenant it acts for and REST's validation and error messages. */
abstract class HierarchyCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    String tenant;

    @Reference
    IdentityService identities;

    @Reference
    HierarchyService hierarchy;

    /** Runs the work as the console for the tenant; a refusal becomes the message Karaf prints. */
    <T> T asConsole(Function<CallContext, T> work) {
        return ApiException.forConsole(() -> work.apply(identities.consoleContext(tenant)));
    }

    static String label(Partner partner) {
        return partner.name() + " (" + partner.id() + ")";
    }
}
