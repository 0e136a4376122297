package org.openpartner.pools.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.pools.api.PoolService;
import org.openpartner.pools.api.dto.Move;
import org.openpartner.pools.api.dto.PooledRecord;

@Command(scope = "pool", name = "move", description = "Puts a record into a pool, from its owner, no pool or another pool")
@Service
public class PoolMoveCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    String tenant;

    @Option(name = "--reason", description = "Why, for the record's pool log")
    String reason;

    @Argument(index = 0, name = "object", description = "The record's object, e.g. lead", required = true)
    String object;

    @Argument(index = 1, name = "record", description = "The record's id", required = true)
    String recordId;

    @Argument(index = 2, name = "pool", description = "The id of the pool it goes to", required = true)
    String poolId;

    @Reference
    IdentityService identities;

    @Reference
    PoolService pools;

    @Override
    public Object execute() {
        PooledRecord r = ApiException.forConsole(() -> pools.put(identities.consoleContext(tenant), object, recordId,
            new Move(poolId, reason)));
        System.out.println(object + " " + r.recordId() + " waits in pool " + r.poolId());
        return null;
    }
}
