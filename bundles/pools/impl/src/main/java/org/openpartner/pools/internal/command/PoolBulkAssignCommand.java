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
import org.openpartner.pools.api.dto.BulkAssignment;
import org.openpartner.pools.api.dto.RecordOutcome;

@Command(scope = "pool", name = "assign-all", description = "Assigns records of a pool to one user, each within the "
    + "pool's caps; prints what happened to each")
@Service
public class PoolBulkAssignCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    String tenant;

    @Option(name = "--reason", description = "Why, for each record's pool log")
    String reason;

    @Argument(index = 0, name = "pool", description = "The pool's id", required = true)
    String poolId;

    @Argument(index = 1, name = "user", description = "The id of the user who gets them", required = true)
    String userId;

    @Argument(index = 2, name = "records", description = "The records' ids", required = true, multiValued = true)
    List<String> recordIds;

    @Reference
    IdentityService identities;

    @Reference
    PoolService pools;

    @Override
    public Object execute() {
        print(ApiException.forConsole(() -> pools.assignAll(identities.consoleContext(tenant), poolId,
            new BulkAssignment(recordIds, userId, reason))));
        return null;
    }

    static void print(List<RecordOutcome> outcomes) {
        long done = outcomes.stream().filter(o -> o.code() == null).count();
        for (RecordOutcome o : outcomes) {
            System.out.println(o.recordId() + ": " + (o.code() == null ? o.record().state() + (o.record()
                .holderUserId() == null ? " in pool " + o.record().poolId() : " by " + o.record().holderUserId())
                : o.code() + " - " + o.message()));
        }
        System.out.println(done + " of " + outcomes.size() + " done");
    }
}
