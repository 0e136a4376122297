package org.openpartner.pools.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.openpartner.partner.api.PartnerService;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.jpa.InLists;
import org.openpartner.pools.api.dto.Distribution;
import org.openpartner.pools.api.dto.DistributionRule;
import org.openpartner.pools.api.dto.DistributionRule.Condition;
import org.openpartner.pools.api.dto.DistributionRule.Strategy;
import org.openpartner.pools.api.dto.PoolMember;
import org.openpartner.pools.internal.jpa.PoolEntity;
import org.openpartner.pools.internal.jpa.PoolRuleEntity;
import org.openpartner.pools.internal.jpa.PoolRuleTurnEntity;

/**
 * Decides where a record entering a pool goes: the pool's rules in order, the first whose conditions hold, and its
 * strategy over its targets. Runs inside the engine's unit of work with the rule's row locked, so that the turns it
 * reads and writes are the latest on every node; the holding counters are then moved by the same conditional updates
 * as a claim, and a target that filled up meanwhile is passed over.
 */
final class Distributor {

    /** The fields of a partner a territory may compare with. */
    static final Set<String> PARTNER_FIELDS = Set.of("region", "level", "type");

    private final MembershipService memberships;
    private final PartnerService partners;

    Distributor(MembershipService memberships, PartnerService partners) {
        this.memberships = memberships;
        this.partners = partners;
    }

    /** The rules were replaced while the record was being decided: read them again. */
    static final class RulesChanged extends RuntimeException {
        RulesChanged() {
            super("rules changed", null, false, false);
        }
    }

    /** A target that can take the record: the user who will hold it and the keys whose turns move. */
    record Choice(String userId, String companyId, List<String> turnKeys) {
    }

    /** A decision: the explanation, and the choice when a target was found (then the rule's row is locked). */
    record Decision(Distribution explanation, Choice choice, PoolRuleEntity rule) {
    }

    /** A rule as stored, read back. */
    record Rule(PoolRuleEntity entity, DistributionRule definition) {
    }

    /**
     * The decision for a record with these field values; {@code refused} are the targets (company or user keys)
     * whose counters refused the record in an earlier attempt of this unit, passed over now; {@code declined} the
     * targets that turned the record down, passed over always.
     */
    Decision decide(EntityManager em, PoolEntity pool, Map<String, Integer> levelCaps, List<Rule> rules,
                    Map<String, String> values, Set<String> refused, Set<String> declined, Instant now) {
        List<Distribution.Unmatched> unmatched = new ArrayList<>();
        for (Rule rule : rules) {
            DistributionRule definition = rule.definition();
            Optional<String> failed = firstFailed(definition.conditions(), values);
            if (failed.isPresent()) {
                unmatched.add(new Distribution.Unmatched(definition.id(), definition.name(), failed.get()));
                continue;
            }
            if (definition.strategy() == Strategy.LEAVE) {
                return waiting(pool, unmatched, definition, List.of(), "rule '" + definition.name()
                    + "' leaves the record for members to claim", now);
            }
            PoolRuleEntity locked = em.find(PoolRuleEntity.class, definition.id(), LockModeType.PESSIMISTIC_WRITE);
            if (locked == null) {
                throw new RulesChanged();
            }
            return weigh(em, pool, levelCaps, definition, locked, unmatched, values, refused, declined, now);
        }
        return waiting(pool, unmatched, null, List.of(), rules.isEmpty() ? "the pool has no distribution rules"
            : "no rule matched: the record waits for members to claim", now);
    }

    private static Decision waiting(PoolEntity pool, List<Distribution.Unmatched> unmatched, DistributionRule rule,
                                    List<Distribution.Weighed> weighed, String summary, Instant now) {
        return new Decision(new Distribution(now, pool.getId(), Distribution.Outcome.WAITING,
            rule == null ? null : rule.id(), rule == null ? null : rule.name(), rule == null ? null : rule.strategy(),
            unmatched, weighed, null, null, summary), null, null);
    }

    /** A slot the strategy weighs: a company (whose next active user takes the record) or a user. */
    private static final class Slot {
        final PoolMember.Kind kind;
        final String id;
        final int position;
        String companyId;
        List<String> users = List.of();
        long lastTurn;
        int held;
        Integer cap;
        String territory;
        String skipped;
        /** A company whose active users all declined the record. */
        boolean allDeclined;

        Slot(PoolMember.Kind kind, String id, int position) {
            this.kind = kind;
            this.id = id;
            this.position = position;
        }

        String key() {
            return (kind == PoolMember.Kind.COMPANY ? "C:" : "U:") + id;
        }

        /** Remaining holding capacity: without a cap, more than any capped target's, the fewer held the more. */
        long remaining() {
            return cap == null ? Integer.MAX_VALUE - (long) held : (long) cap - held;
        }
    }

    private Decision weigh(EntityManager em, PoolEntity pool, Map<String, Integer> levelCaps, DistributionRule rule,
                           PoolRuleEntity locked,
                           List<Distribution.Unmatched> unmatched, Map<String, String> values, Set<String> refused,
                           Set<String> declined, Instant now) {
        String tenantId = pool.getTenantId();
        List<Slot> slots = slots(tenantId, rule.targets());
        Map<String, Long> turns = turns(em, locked.getId());
        // Who can act now, and for users their company: one lookup each.
        Set<String> inactive = new java.util.HashSet<>();
        for (Slot slot : slots) {
            if (slot.kind == PoolMember.Kind.COMPANY) {
                slot.companyId = slot.id;
                List<String> active = memberships.activeMembers(tenantId, slot.id);
                slot.users = active.stream().filter(u -> !declined.contains(Counters.heldByUser(u))).toList();
                slot.allDeclined = !active.isEmpty() && slot.users.isEmpty();
            } else {
                Optional<CallContext> user = memberships.contextOf(tenantId, slot.id);
                if (user.isEmpty()) {
                    inactive.add(slot.id);
                } else {
                    slot.companyId = user.get().companyId();
                }
            }
        }
        Set<String> counterKeys = new LinkedHashSet<>();
        for (Slot slot : slots) {
            if (slot.companyId != null) {
                counterKeys.add(Counters.heldByCompany(slot.companyId));
            }
            if (slot.kind == PoolMember.Kind.USER) {
                counterKeys.add(Counters.heldByUser(slot.id));
            } else {
                slot.users.forEach(u -> counterKeys.add(Counters.heldByUser(u)));
            }
        }
        Map<String, Integer> held = counters(em, pool.getId(), counterKeys);
        boolean territory = rule.strategy() == Strategy.TERRITORY;
        Map<String, Partner> partnerOf = territory || !levelCaps.isEmpty() ? partners(tenantId, slots) : Map.of();
        Map<String, Integer> companyCaps = new HashMap<>();
        slots.stream().map(s -> s.companyId).filter(java.util.Objects::nonNull).distinct()
            .forEach(c -> companyCaps.put(c, LevelCaps.capFor(levelCaps, Optional.ofNullable(partnerOf.get(c))
                .map(Partner::level).orElse(null), pool.getCompanyHoldingCap())));
        String wanted = rule.strategy() == Strategy.TERRITORY
            ? normalized(values.get(rule.territory().recordField())) : null;

        for (Slot slot : slots) {
            slot.lastTurn = turns.getOrDefault(slot.key(), 0L);
            boolean company = slot.kind == PoolMember.Kind.COMPANY;
            slot.held = held.getOrDefault(company ? Counters.heldByCompany(slot.id) : Counters.heldByUser(slot.id), 0);
            slot.cap = company ? companyCaps.get(slot.id) : pool.getUserHoldingCap();
            if (territory && slot.companyId != null && partnerOf.containsKey(slot.companyId)) {
                slot.territory = partnerField(partnerOf.get(slot.companyId), rule.territory().partnerField());
            }
            Integer companyCap = slot.companyId == null ? null : companyCaps.get(slot.companyId);
            slot.skipped = skipReason(pool, slot, companyCap, inactive, held, refused, declined, wanted,
                rule.strategy());
        }
        Comparator<Slot> byTurn = Comparator.<Slot>comparingLong(s -> s.lastTurn).thenComparingInt(s -> s.position);
        Comparator<Slot> order = rule.strategy() == Strategy.CAPACITY
            ? Comparator.<Slot>comparingLong(Slot::remaining).reversed().thenComparing(byTurn) : byTurn;
        Optional<Slot> chosen = slots.stream().filter(s -> s.skipped == null).min(order);
        List<Distribution.Weighed> weighed = slots.stream().map(s -> new Distribution.Weighed(s.kind, s.id, s.lastTurn,
            s.held, s.cap, s.territory, s.skipped, chosen.isPresent() && chosen.get() == s)).toList();
        if (chosen.isEmpty()) {
            return waiting(pool, unmatched, rule, weighed, "rule '" + rule.name() + "' matched but none of its targets "
                + "can take the record now: it waits for members to claim", now);
        }
        Slot slot = chosen.get();
        String userId = slot.id;
        List<String> turnKeys = new ArrayList<>();
        turnKeys.add(slot.key());
        if (slot.kind == PoolMember.Kind.COMPANY) {
            userId = slot.users.stream().filter(u -> userCanHold(pool, u, held, refused))
                .min(Comparator.<String>comparingLong(u -> turns.getOrDefault(Counters.heldByUser(u), 0L))
                    .thenComparing(Comparator.naturalOrder())).orElseThrow();
            turnKeys.add(Counters.heldByUser(userId));
        }
        String summary = "rule '" + rule.name() + "' (" + rule.strategy().name().toLowerCase(Locale.ROOT)
            .replace('_', ' ') + ") gave it to " + slot.kind.name().toLowerCase(Locale.ROOT) + " " + slot.id
            + (slot.kind == PoolMember.Kind.COMPANY ? " (user " + userId + ")" : "")
            + describe(rule.strategy(), slot);
        Distribution explanation = new Distribution(now, pool.getId(), Distribution.Outcome.ASSIGNED, rule.id(),
            rule.name(), rule.strategy(), unmatched, weighed, userId, slot.companyId, summary);
        return new Decision(explanation, new Choice(userId, slot.companyId, turnKeys), locked);
    }

    private static String describe(Strategy strategy, Slot slot) {
        return switch (strategy) {
            case CAPACITY -> ": most remaining capacity (" + (slot.cap == null ? "no cap, " + slot.held + " held"
                : slot.held + " of " + slot.cap + " held") + ")";
            case TERRITORY -> ": territory " + slot.territory + ", longest waiting (last turn " + slot.lastTurn + ")";
            default -> ": its turn (last received at turn " + slot.lastTurn + ")";
        };
    }

    private String skipReason(PoolEntity pool, Slot slot, Integer companyCap, Set<String> inactive,
                              Map<String, Integer> held,
                              Set<String> refused, Set<String> declined, String wanted, Strategy strategy) {
        if (slot.kind == PoolMember.Kind.COMPANY) {
            if (declined.contains(slot.key())) {
                return "the company declined the record";
            }
            if (slot.users.isEmpty()) {
                return slot.allDeclined ? "every active user declined the record" : "no active user";
            }
        } else if (inactive.contains(slot.id)) {
            return "inactive";
        } else if (declined.contains(slot.key())) {
            return "declined the record";
        } else if (declined.contains(Counters.heldByCompany(slot.companyId))) {
            return "the user's company declined the record";
        }
        if (strategy == Strategy.TERRITORY && (wanted == null || !wanted.equals(normalized(slot.territory)))) {
            return wanted == null ? "the record has no territory value" : slot.territory == null
                ? "no territory" : "other territory";
        }
        if (refused.contains(slot.key())) {
            return "holding cap reached meanwhile";
        }
        if (companyCap != null && held.getOrDefault(Counters.heldByCompany(slot.companyId), 0) >= companyCap) {
            return "company holding cap reached";
        }
        if (slot.kind == PoolMember.Kind.USER) {
            return userCanHold(pool, slot.id, held, refused) ? null : "holding cap reached";
        }
        return slot.users.stream().anyMatch(u -> userCanHold(pool, u, held, refused)) ? null
            : "every user at the holding cap";
    }

    private static boolean userCanHold(PoolEntity pool, String userId, Map<String, Integer> held, Set<String> refused) {
        String key = Counters.heldByUser(userId);
        return !refused.contains(key) && (pool.getUserHoldingCap() == null
            || held.getOrDefault(key, 0) < pool.getUserHoldingCap());
    }

    /** The rule's targets as slots, roles expanded to their holders; a target named twice counts once. */
    private List<Slot> slots(String tenantId, List<PoolMember> targets) {
        Map<String, Slot> slots = new LinkedHashMap<>();
        for (PoolMember target : targets) {
            List<PoolMember> expanded = target.kind() == PoolMember.Kind.ROLE
                ? memberships.roleHolders(tenantId, target.id()).stream()
                    .map(u -> new PoolMember(PoolMember.Kind.USER, u)).toList()
                : List.of(target);
            for (PoolMember member : expanded) {
                Slot slot = new Slot(member.kind(), member.id(), slots.size());
                slots.putIfAbsent(slot.key(), slot);
            }
        }
        return new ArrayList<>(slots.values());
    }

    /** The partner record of each company among the slots, in one lookup. */
    private Map<String, Partner> partners(String tenantId, List<Slot> slots) {
        List<String> companies = slots.stream().map(s -> s.companyId).filter(java.util.Objects::nonNull).distinct()
            .toList();
        Map<String, Partner> byCompany = new HashMap<>();
        for (Partner partner : partners.findByCompanies(CallContext.console(tenantId), companies)) {
            byCompany.put(partner.connectedEnterpriseId(), partner);
        }
        return byCompany;
    }

    private static String partnerField(Partner partner, String field) {
        return switch (field) {
            case "level" -> partner.level();
            case "type" -> partner.type();
            default -> partner.region();
        };
    }

    private static Map<String, Long> turns(EntityManager em, String ruleId) {
        Map<String, Long> turns = new HashMap<>();
        for (PoolRuleTurnEntity turn : em.createQuery("select t from PoolRuleTurnEntity t where t.ruleId = :r",
            PoolRuleTurnEntity.class).setParameter("r", ruleId).getResultList()) {
            turns.put(turn.getTargetKey(), turn.getLastTurn());
        }
        return turns;
    }

    private static Map<String, Integer> counters(EntityManager em, String poolId, Set<String> keys) {
        Map<String, Integer> values = new HashMap<>();
        if (keys.isEmpty()) {
            return values;
        }
        InLists.query(new ArrayList<>(keys), chunk -> em.createQuery("select c.counterKey, c.n from PoolCounterEntity c "
                + "where c.poolId = :p and c.counterKey in :k", Object[].class).setParameter("p", poolId)
            .setParameter("k", chunk).getResultList())
            .forEach(row -> values.put((String) row[0], ((Number) row[1]).intValue()));
        return values;
    }

    /** Records the choice's turns: the rule's turn moves on, and the chosen targets received the record at it. */
    static void takeTurn(EntityManager em, PoolRuleEntity rule, List<String> keys) {
        rule.setTurn(rule.getTurn() + 1);
        Map<String, PoolRuleTurnEntity> existing = new HashMap<>();
        em.createQuery("select t from PoolRuleTurnEntity t where t.ruleId = :r and t.targetKey in :k",
                PoolRuleTurnEntity.class).setParameter("r", rule.getId()).setParameter("k", keys).getResultList()
            .forEach(t -> existing.put(t.getTargetKey(), t));
        for (String key : keys) {
            PoolRuleTurnEntity turn = existing.get(key);
            if (turn == null) {
                turn = new PoolRuleTurnEntity();
                turn.setId(org.openpartner.platform.api.Ids.newId());
                turn.setRuleId(rule.getId());
                turn.setTargetKey(key);
                em.persist(turn);
            }
            turn.setLastTurn(rule.getTurn());
        }
    }

    /** The first condition that does not hold for these values, described without the record's value. */
    static Optional<String> firstFailed(List<Condition> conditions, Map<String, String> values) {
        for (Condition condition : conditions == null ? List.<Condition>of() : conditions) {
            if (!holds(condition, values.get(condition.field()))) {
                return Optional.of(describe(condition));
            }
        }
        return Optional.empty();
    }

    static boolean holds(Condition condition, String raw) {
        String value = normalized(raw);
        boolean listed = value != null && condition.values() != null
            && condition.values().stream().map(Distributor::normalized).anyMatch(value::equals);
        return switch (condition.operator()) {
            case IN -> listed;
            case NOT_IN -> !listed;
            case EMPTY -> value == null;
            case NOT_EMPTY -> value != null;
        };
    }

    static String describe(Condition condition) {
        return condition.field() + switch (condition.operator()) {
            case IN -> " is one of " + condition.values();
            case NOT_IN -> " is none of " + condition.values();
            case EMPTY -> " is empty";
            case NOT_EMPTY -> " is not empty";
        };
    }

    /** Compared ignoring case and surrounding spaces; blank is empty. */
    static String normalized(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
