package org.openpartner.pools.api.dto;

import java.util.Map;

/**
 * The limits of claiming from a pool; a null limit is no limit.
 *
 * @param dailyClaimLimit          claims per user and day (UTC)
 * @param userHoldingCap           records of the pool one user may hold at once
 * @param companyHoldingCap        records of the pool one downstream company's users may hold at once, together
 * @param closedCount              whether records their holder closed (converted, won) still count as held
 * @param cooldownHours            hours after returning a record before the same user may claim it again
 * @param companyHoldingCapByLevel the company holding cap for companies whose partner has this level (compared
 *                                 ignoring case), in place of {@code companyHoldingCap}; levels not named keep it
 */
public record ClaimRules(Integer dailyClaimLimit, Integer userHoldingCap, Integer companyHoldingCap,
                         Boolean closedCount, Integer cooldownHours, Map<String, Integer> companyHoldingCapByLevel) {

    public static final ClaimRules NONE = new ClaimRules(null, null, null, false, null);

    /** Limits without caps by partner level. */
    public ClaimRules(Integer dailyClaimLimit, Integer userHoldingCap, Integer companyHoldingCap, Boolean closedCount,
                      Integer cooldownHours) {
        this(dailyClaimLimit, userHoldingCap, companyHoldingCap, closedCount, cooldownHours, Map.of());
    }
}
