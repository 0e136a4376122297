package org.openpartner.pools.api.dto;

/**
 * The limits of claiming from a pool; a null limit is no limit.
 *
 * @param dailyClaimLimit   claims per user and day (UTC)
 * @param userHoldingCap    records of the pool one user may hold at once
 * @param companyHoldingCap records of the pool one downstream company's users may hold at once, together
 * @param closedCount       whether records their holder closed (converted, won) still count as held
 * @param cooldownHours     hours after returning a record before the same user may claim it again
 */
public record ClaimRules(Integer dailyClaimLimit, Integer userHoldingCap, Integer companyHoldingCap,
                         Boolean closedCount, Integer cooldownHours) {

    public static final ClaimRules NONE = new ClaimRules(null, null, null, false, null);
}
