package org.openpartner.platform.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.platform.internal.health.HealthResource;

@Command(scope = "openpartner", name = "health", description = "Shows the state of the database and of each OpenPartner feature")
@Service
public class HealthCommand implements Action {

    @Reference
    private HealthResource health;

    @Override
    public Object execute() {
        HealthResource.Health state = health.check();
        ShellTable table = new ShellTable();
        table.column("Component");
        table.column("Status");
        table.column("Detail");
        table.addRow().addContent(state.database().name(), state.database().status(), state.database().detail());
        state.features().forEach(f -> table.addRow().addContent(f.name(), f.status(), f.detail() == null ? "" : f.detail()));
        table.print(System.out);
        System.out.println("Overall: " + state.status());
        return null;
    }
}
