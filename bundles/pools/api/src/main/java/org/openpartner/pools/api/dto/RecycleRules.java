package org.openpartner.pools.api.dto;

/**
 * When held records go back into circulation; a null rule does not apply.
 *
 * @param noFollowUpDays days without a follow-up (the object's last activity, or the claim) after which a held
 *                       record is recycled
 * @param notClosedDays  days after its claim or assignment by which a held record must be closed (converted, won)
 * @param toPoolId       the pool recycled records go to (of the same object); null: back into this pool
 */
public record RecycleRules(Integer noFollowUpDays, Integer notClosedDays, String toPoolId) {
}
