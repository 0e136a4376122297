package org.openpartner.interconnect.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.interconnect.api.AppService;
import org.openpartner.interconnect.api.dto.AppEnablement;
import org.openpartner.interconnect.api.dto.BulkResult;

@Command(scope = "connection", name = "app-enable",
         description = "Enables (or with --disable disables) an app for the connected companies of the given partners")
@Service
public class AppEnableCommand extends ConnectionCommand {

    @Reference
    AppService apps;

    @Option(name = "--app", description = "The app's id, e.g. announcements", required = true)
    String appId;

    @Option(name = "--disable", description = "Disable instead of enable")
    boolean disable;

    @Argument(index = 0, name = "partnerIds", description = "Partner ids", required = true, multiValued = true)
    List<String> partnerIds;

    @Override
    public Object execute() {
        BulkResult result = asConsole(ctx -> apps.setEnabled(ctx, appId, new AppEnablement(partnerIds, !disable)));
        System.out.println((disable ? "Disabled " : "Enabled ") + appId + " for " + result.changed() + " of "
            + partnerIds.size() + " partners");
        for (BulkResult.Failure failure : result.failures()) {
            System.out.println("  " + failure.id() + ": " + failure.message() + " (" + failure.code() + ")");
        }
        return null;
    }
}
