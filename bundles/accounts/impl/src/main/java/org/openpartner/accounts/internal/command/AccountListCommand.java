package org.openpartner.accounts.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.accounts.api.AccountService;
import org.openpartner.accounts.api.dto.Account;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;

@Command(scope = "account", name = "list", description = "Lists an enterprise's customer accounts, newest first")
@Service
public class AccountListCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    String tenant;

    @Option(name = "--pool", description = "Only the accounts of this account pool (id)")
    String pool;

    @Option(name = "--limit", description = "How many (at most 500)")
    int limit = 50;

    @Reference
    IdentityService identities;

    @Reference
    AccountService accounts;

    @Override
    public Object execute() {
        Page<Account> page = ApiException.forConsole(() -> accounts.list(identities.consoleContext(tenant), pool,
            new PageRequest(limit, null, null)));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Registration id");
        table.column("Region");
        table.column("Owner");
        table.column("Owner company");
        table.column("Pool");
        for (Account a : page.items()) {
            table.addRow().addContent(a.id(), a.name(), orEmpty(a.registrationId()), orEmpty(a.region()),
                orEmpty(a.ownerUserId()), orEmpty(a.ownerCompanyId()), orEmpty(a.poolId()));
        }
        table.print(System.out);
        return null;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
