package org.openpartner.interconnect.internal.command;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.IdentityService;

/**
 * What every interconnection command shares: the upstream tenant it acts for, as the platform admin acting as that
 * tenant's administrator, and the service's own validation and error messages.
 */
abstract class ConnectionCommand implements Action {

    @Option(name = "--tenant", description = "The upstream enterprise's name or id", required = true)
    String tenant;

    @Reference
    IdentityService identities;

    <T> T asConsole(Function<CallContext, T> work) {
        return ApiException.forConsole(() -> work.apply(identities.consoleContext(tenant)));
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> values) {
            return String.join(",", values.stream().map(String::valueOf).toList());
        }
        if (value instanceof Instant instant) {
            return instant.toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z");
        }
        return value.toString();
    }
}
