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
import org.openpartner.pools.api.dto.DistributionRule;

@Command(scope = "pool", name = "rules", description = "Lists a pool's distribution rules in their order")
@Service
public class PoolRulesCommand implements Action {

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
        List<DistributionRule> rules = ApiException.forConsole(() -> pools.rules(identities.consoleContext(tenant),
            poolId));
        if (rules.isEmpty()) {
            System.out.println("No distribution rules: records wait for members to claim.");
            return null;
        }
        for (int i = 0; i < rules.size(); i++) {
            DistributionRule rule = rules.get(i);
            System.out.println((i + 1) + ". " + rule.name() + " (" + rule.id() + "): " + rule.strategy()
                + (rule.territory() == null ? "" : " on " + rule.territory().recordField() + " = partner "
                    + rule.territory().partnerField()));
            System.out.println("   when: " + (rule.conditions().isEmpty() ? "always" : String.join(" and ",
                rule.conditions().stream().map(PoolRulesCommand::describe).toList())));
            if (!rule.targets().isEmpty()) {
                System.out.println("   to: " + rule.targets().stream()
                    .map(t -> t.kind().name().toLowerCase() + " " + t.id()).toList());
            }
        }
        return null;
    }

    private static String describe(DistributionRule.Condition c) {
        return c.field() + " " + c.operator().name().toLowerCase().replace('_', ' ')
            + (c.values().isEmpty() ? "" : " " + c.values());
    }
}
