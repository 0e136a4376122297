package org.openpartner.partner.internal.command;

import java.util.function.Function;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.openpartner.partner.api.PartnerService;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.IdentityService;

/** What every partner command shares: the tenant it acts for and REST's validation and error messages. */
abstract class PartnerCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    @Completion(TenantCompleter.class)
    String tenant;

    @Reference
    IdentityService identities;

    @Reference
    PartnerService partners;

    /** Runs the work as the console for the tenant; a refusal becomes the message Karaf prints. */
    <T> T asConsole(Function<CallContext, T> work) {
        return ApiException.forConsole(() -> work.apply(identities.consoleContext(tenant)));
    }
}
