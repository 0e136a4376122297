package org.openpartner.pools.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.pools.api.PoolService;
import org.openpartner.pools.api.dto.Pool;

@Command(scope = "pool", name = "list", description = "Lists an enterprise's pools")
@Service
public class PoolListCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    String tenant;

    @Reference
    IdentityService identities;

    @Reference
    PoolService pools;

    @Override
    public Object execute() {
        List<Pool> all = ApiException.forConsole(() -> pools.list(identities.consoleContext(tenant)));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Object");
        table.column("Mode");
        table.column("Members");
        table.column("Limits");
        for (Pool p : all) {
            table.addRow().addContent(p.id(), p.name() + (p.redistribution() ? " (redistribution)" : ""), p.object(),
                p.mode(), p.members() == null ? "" : p.members().size(), PoolShowCommand.limits(p));
        }
        table.print(System.out);
        return null;
    }
}
