package org.openpartner.pools.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.pools.api.PoolService;
import org.openpartner.pools.api.dto.BulkMove;

@Command(scope = "pool", name = "move-all", description = "Moves records of a pool into another pool; prints what "
    + "happened to each")
@Service
public class PoolBulkMoveCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    String tenant;

    @Option(name = "--reason", description = "Why, for each record's pool log")
    String reason;

    @Argument(index = 0, name = "pool", description = "The id of the pool they are in", required = true)
    String poolId;

    @Argument(index = 1, name = "target", description = "The id of the pool they go to", required = true)
    String targetPoolId;

    @Argument(index = 2, name = "records", description = "The records' ids", required = true, multiValued = true)
    List<String> recordIds;

    @Reference
    IdentityService identities;

    @Reference
    PoolService pools;

    @Override
    public Object execute() {
        PoolBulkAssignCommand.print(ApiException.forConsole(() -> pools.moveAll(identities.consoleContext(tenant),
            poolId, new BulkMove(recordIds, targetPoolId, reason))));
        return null;
    }
}
