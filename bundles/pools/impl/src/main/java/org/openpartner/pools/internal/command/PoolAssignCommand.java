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
import org.openpartner.pools.api.dto.Assignment;
import org.openpartner.pools.api.dto.PooledRecord;

@Command(scope = "pool", name = "assign", description = "Assigns a pooled record to a user, within the pool's caps")
@Service
public class PoolAssignCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    String tenant;

    @Option(name = "--reason", description = "Why, for the record's pool log")
    String reason;

    @Argument(index = 0, name = "object", description = "The record's object, e.g. lead", required = true)
    String object;

    @Argument(index = 1, name = "record", description = "The record's id", required = true)
    String recordId;

    @Argument(index = 2, name = "user", description = "The id of the user who gets it", required = true)
    String userId;

    @Reference
    IdentityService identities;

    @Reference
    PoolService pools;

    @Override
    public Object execute() {
        PooledRecord r = ApiException.forConsole(() -> pools.assign(identities.consoleContext(tenant), object,
            recordId, new Assignment(userId, reason)));
        System.out.println(object + " " + r.recordId() + " is held by " + r.holderUserId() + " (pool " + r.poolId() + ")");
        return null;
    }
}
