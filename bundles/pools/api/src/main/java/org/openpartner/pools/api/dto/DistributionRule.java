package org.openpartner.pools.api.dto;

import java.util.List;

/**
 * A pool's rule for the records that enter it. A pool's rules are ordered; the first whose conditions all hold
 * decides where the record goes, and a record no rule matches waits to be claimed.
 *
 * @param id         kept across a replacement of the rules, so that a rule keeps its round-robin turns; null for a
 *                   new rule
 * @param conditions all must hold; none: the rule takes every record
 * @param strategy   how one of the targets is chosen
 * @param targets    the members the rule hands records to: a downstream company (then its next active user), a user,
 *                   or each holder of a role
 * @param territory  for {@link Strategy#TERRITORY}: which record field must equal which field of the target's partner
 */
public record DistributionRule(String id, String name, List<Condition> conditions, Strategy strategy,
                               List<PoolMember> targets, Territory territory) {

    public enum Strategy {
        /** Each target in turn, fair per rule (turns survive restarts); inactive and full targets are skipped. */
        ROUND_ROBIN,
        /** The target with the most remaining holding capacity (cap less held; without a cap, the fewest held). */
        CAPACITY,
        /** The targets whose partner's field equals the record's, in turn. */
        TERRITORY,
        /** The record stays in the pool for members to claim. */
        LEAVE
    }

    /** A test of one field of the record; values compare ignoring case and surrounding spaces. */
    public record Condition(String field, Operator operator, List<String> values) {

        public enum Operator {
            /** The field equals one of the values. */
            IN,
            /** The field is empty or equals none of the values. */
            NOT_IN,
            EMPTY,
            NOT_EMPTY
        }
    }

    /**
     * @param recordField  a field of the pooled object (region, industry...)
     * @param partnerField the target partner's field it must equal: {@code region}, {@code level} or {@code type}
     */
    public record Territory(String recordField, String partnerField) {
    }
}
