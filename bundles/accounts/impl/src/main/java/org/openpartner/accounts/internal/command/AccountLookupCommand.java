package org.openpartner.accounts.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.accounts.api.BusinessInfoService;
import org.openpartner.accounts.api.dto.BusinessInfo;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.IdentityService;

@Command(scope = "account", name = "lookup",
    description = "Looks up registered company data (every business-info provider) by name prefix or registration id")
@Service
public class AccountLookupCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    String tenant;

    @Option(name = "--name", description = "The company name's first letters")
    String name;

    @Option(name = "--registration-id", description = "The unified registration or tax id")
    String registrationId;

    @Option(name = "--limit", description = "How many from each provider (at most 50)")
    int limit = 10;

    @Reference
    IdentityService identities;

    @Reference
    BusinessInfoService businessInfo;

    @Override
    public Object execute() {
        List<BusinessInfo> found = ApiException.forConsole(() -> businessInfo.lookup(
            identities.consoleContext(tenant), name, registrationId, limit));
        ShellTable table = new ShellTable();
        table.column("Source");
        table.column("Registration id");
        table.column("Name");
        table.column("Industry");
        table.column("Region");
        table.column("Address");
        for (BusinessInfo b : found) {
            table.addRow().addContent(b.source(), b.registrationId(), b.name(), orEmpty(b.industry()),
                orEmpty(b.region()), orEmpty(b.address()));
        }
        table.print(System.out);
        return null;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
