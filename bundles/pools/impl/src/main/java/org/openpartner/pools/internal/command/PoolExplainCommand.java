package org.openpartner.pools.internal.command;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.pools.api.PoolService;
import org.openpartner.pools.api.dto.Distribution;

@Command(scope = "pool", name = "explain", description = "Says why a record went where it did when it entered its pool: "
    + "the rules passed over, the targets weighed and the choice")
@Service
public class PoolExplainCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    String tenant;

    @Argument(index = 0, name = "object", description = "The object: lead, account...", required = true)
    String object;

    @Argument(index = 1, name = "record", description = "The record's id", required = true)
    String recordId;

    @Reference
    IdentityService identities;

    @Reference
    PoolService pools;

    @Override
    public Object execute() {
        Optional<Distribution> found = ApiException.forConsole(() -> pools.explain(identities.consoleContext(tenant),
            object, recordId));
        if (found.isEmpty()) {
            System.out.println("No distribution was recorded for this record: it entered no pool with rules.");
            return null;
        }
        Distribution d = found.get();
        System.out.println(d.at() + " pool " + d.poolId() + ": " + d.outcome() + " - " + d.summary());
        d.unmatched().forEach(u -> System.out.println("  passed over rule '" + u.ruleName() + "': "
            + u.failedCondition() + " does not hold"));
        for (Distribution.Weighed w : d.weighed()) {
            System.out.println("  " + (w.chosen() ? "* " : "  ") + w.kind().name().toLowerCase() + " " + w.id()
                + ": last turn " + w.lastTurn() + ", held " + w.held() + (w.cap() == null ? "" : " of " + w.cap())
                + (w.territory() == null ? "" : ", territory " + w.territory())
                + (w.skipped() == null ? "" : " - skipped: " + w.skipped()));
        }
        return null;
    }
}
