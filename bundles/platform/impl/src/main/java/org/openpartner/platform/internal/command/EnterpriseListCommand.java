package org.openpartner.platform.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.dto.Enterprise;

@Command(scope = "openpartner", name = "enterprise-list", description = "Lists the enterprises on the platform")
@Service
public class EnterpriseListCommand implements Action {

    @Reference
    private IdentityService identities;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Id");
        table.column("Status");
        table.column("Created");
        for (Enterprise e : ApiException.forConsole(() -> identities.listEnterprises(CallContext.console(null)))) {
            table.addRow().addContent(e.name(), e.id(), e.status(), e.createdAt());
        }
        table.print(System.out);
        return null;
    }
}
