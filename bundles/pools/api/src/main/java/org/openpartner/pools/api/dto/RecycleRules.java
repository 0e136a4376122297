package org.openpartner.pools.api.dto;

/**
 * When held records go back into circulation, and the escalation ladder before that; a null rule does not apply.
 *
 * @param noFollowUpDays        days without a follow-up (the object's last activity, or the claim) after which a
 *                              held record is recycled
 * @param notClosedDays         days after its claim or assignment by which a held record must be closed (converted,
 *                              won)
 * @param toPoolId              the pool recycled records go to (of the same object); null: back into this pool
 * @param remindDaysBefore      days before a held record is due that its holder gets a reminder notice (since 1.2)
 * @param notifyAdminDaysBefore days before it is due that the holder's company administrators (the pool's admins for
 *                              records employees hold) get a notice too; fewer than {@code remindDaysBefore}, so the
 *                              ladder runs remind holder, notify admin, reassign (since 1.2)
 */
public record RecycleRules(Integer noFollowUpDays, Integer notClosedDays, String toPoolId, Integer remindDaysBefore,
                           Integer notifyAdminDaysBefore) {

    /** Recycle rules without reminders. */
    public RecycleRules(Integer noFollowUpDays, Integer notClosedDays, String toPoolId) {
        this(noFollowUpDays, notClosedDays, toPoolId, null, null);
    }
}
