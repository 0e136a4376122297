package org.openpartner.pools.internal.command;

import java.util.ArrayList;
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
import org.openpartner.pools.api.dto.ClaimRules;
import org.openpartner.pools.api.dto.Pool;

@Command(scope = "pool", name = "show", description = "Shows a pool: its members, admins and limits")
@Service
public class PoolShowCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    String tenant;

    @Argument(index = 0, name = "pool", description = "The pool's id", required = true)
    String poolId;

    @Reference
    IdentityService identities;

    @Reference
    PoolService pools;

    @Override
    public Object execute() {
        Pool p = ApiException.forConsole(() -> pools.get(identities.consoleContext(tenant), poolId));
        System.out.println(p.name() + " (" + p.id() + "): " + p.object() + ", " + p.mode()
            + (p.redistribution() ? ", takes submitted records" : ""));
        System.out.println("  members: " + (p.members().isEmpty() ? "none" : p.members().stream()
            .map(m -> m.kind().name().toLowerCase() + " " + m.id()).toList()));
        System.out.println("  admins: " + (p.admins().isEmpty() ? "none" : p.admins()));
        System.out.println("  hidden until claimed: " + (p.hiddenUntilClaimed().isEmpty() ? "nothing"
            : String.join(", ", p.hiddenUntilClaimed())));
        System.out.println("  limits: " + limits(p));
        return null;
    }

    static String limits(Pool p) {
        ClaimRules r = p.rules();
        List<String> limits = new ArrayList<>();
        if (r.dailyClaimLimit() != null) {
            limits.add(r.dailyClaimLimit() + " claims/user/day");
        }
        if (r.userHoldingCap() != null) {
            limits.add(r.userHoldingCap() + " held/user");
        }
        if (r.companyHoldingCap() != null) {
            limits.add(r.companyHoldingCap() + " held/company");
        }
        if (r.cooldownHours() != null) {
            limits.add(r.cooldownHours() + " h re-claim cool-down");
        }
        if (Boolean.TRUE.equals(r.closedCount())) {
            limits.add("closed records count as held");
        }
        return limits.isEmpty() ? "none" : String.join(", ", limits);
    }
}
