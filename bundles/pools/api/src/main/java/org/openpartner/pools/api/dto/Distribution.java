package org.openpartner.pools.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * Why a record that entered a pool went to whom, as decided then: the rules that did not match, the one that did,
 * every target it weighed with its standing (turn, holdings, territory) and the one it chose.
 *
 * @param outcome   whether a target was found or the record waits in the pool
 * @param ruleId    the deciding rule; null when no rule matched
 * @param unmatched the rules before it, each with the first condition that did not hold
 * @param weighed   the targets in the rule's order
 * @param summary   one line for people
 */
public record Distribution(Instant at, String poolId, Outcome outcome, String ruleId, String ruleName,
                           DistributionRule.Strategy strategy, List<Unmatched> unmatched, List<Weighed> weighed,
                           String userId, String companyId, String summary) {

    public enum Outcome {
        ASSIGNED,
        WAITING
    }

    /** A rule that did not take the record, and the condition that failed (values of the record are not repeated). */
    public record Unmatched(String ruleId, String ruleName, String failedCondition) {
    }

    /**
     * A target as the strategy saw it.
     *
     * @param lastTurn   the rule's turn at which it last received a record (0: never)
     * @param held       records of the pool it held (a company: its users together)
     * @param cap        its holding cap in the pool, null for none
     * @param territory  its partner's value of the territory field
     * @param skipped    why it could not take the record (inactive, cap reached, other territory), null if it could
     */
    public record Weighed(PoolMember.Kind kind, String id, long lastTurn, int held, Integer cap, String territory,
                          String skipped, boolean chosen) {
    }
}
