package org.openpartner.pools.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.pools.api.PoolService;
import org.openpartner.pools.api.dto.PooledRecord;

@Command(scope = "pool", name = "recycle-now", description = "Recycles now the held records of the enterprise that "
    + "their pools' recycle rules say are due, as the scheduled sweep would")
@Service
public class PoolRecycleNowCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    String tenant;

    @Reference
    IdentityService identities;

    @Reference
    PoolService pools;

    @Override
    public Object execute() {
        List<PooledRecord> recycled = ApiException.forConsole(() -> pools.recycleNow(identities.consoleContext(tenant)));
        for (PooledRecord r : recycled) {
            System.out.println(r.object() + " " + r.recordId() + " -> pool " + r.poolId() + ", " + r.state()
                + (r.holderUserId() == null ? "" : " by " + r.holderUserId()));
        }
        System.out.println(recycled.size() + " recycled");
        return null;
    }
}
