package org.openpartner.pools.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.openpartner.partner.api.PartnerService;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.NoticeService;
import org.openpartner.platform.api.dto.NoticeDraft;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.jpa.ShareGrant;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.openpartner.pools.api.PoolService;
import org.openpartner.pools.api.dto.Assignment;
import org.openpartner.pools.api.dto.BulkAssignment;
import org.openpartner.pools.api.dto.BulkMove;
import org.openpartner.pools.api.dto.Distribution;
import org.openpartner.pools.api.dto.DistributionRule;
import org.openpartner.pools.api.dto.ClaimRules;
import org.openpartner.pools.api.dto.Decline;
import org.openpartner.pools.api.dto.Move;
import org.openpartner.pools.api.dto.Pool;
import org.openpartner.pools.api.dto.PoolInput;
import org.openpartner.pools.api.dto.PoolLogEntry;
import org.openpartner.pools.api.dto.PoolMember;
import org.openpartner.pools.api.dto.PoolMode;
import org.openpartner.pools.api.dto.PooledRecord;
import org.openpartner.pools.api.dto.Reason;
import org.openpartner.pools.api.dto.RecordOutcome;
import org.openpartner.pools.api.dto.RecycleRules;
import org.openpartner.pools.api.spi.PoolableObject;
import org.openpartner.pools.internal.jpa.PoolDeclineEntity;
import org.openpartner.pools.internal.jpa.PoolDistributionEntity;
import org.openpartner.pools.internal.jpa.PoolEntity;
import org.openpartner.pools.internal.jpa.PoolLogEntity;
import org.openpartner.pools.internal.jpa.PoolMemberEntity;
import org.openpartner.pools.internal.jpa.PoolRecordEntity;
import org.openpartner.pools.internal.jpa.PoolRuleEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// Also under its own class, for the recycle schedule of this bundle (the package is private).
@Component(service = {PoolService.class, PoolServiceImpl.class})
public class PoolServiceImpl implements PoolService {

    private static final Logger LOG = LoggerFactory.getLogger(PoolServiceImpl.class);

    /** The object actions (registered by every poolable object) each movement needs. */
    static final String CLAIM = "claim";
    static final String RETURN = "return";
    static final String ASSIGN = "assign";
    static final String SUBMIT = "submit";
    /** The source of the grant through which a pool's members read its waiting records. */
    static final String GRANT_SOURCE = "pool";
    static final String POOL_PRINCIPAL = "P:";
    static final int MAX_NAME = 120;
    static final int MAX_REASON = 500;
    static final int MAX_MEMBERS = 500;
    static final int MAX_LEVELS = 50;
    static final int MAX_COOLDOWN_HOURS = 24 * 366;
    static final int MAX_LEVEL = 40;

    private final Transactions tx;
    private final AccessControl access;
    private final PoolObjects objects;
    private final MembershipService memberships;
    private final RoleService roles;
    private final EventPublisher events;
    private final UnitOfWork unitOfWork;
    private final java.time.Clock clock;
    private final Distributor distributor;
    private final PartnerService partners;
    private final NoticeService notices;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Activate
    public PoolServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-pools)") EntityManagerFactory emf,
                           @Reference AccessControl access, @Reference PoolObjects objects,
                           @Reference MembershipService memberships, @Reference RoleService roles,
                           @Reference EventPublisher events, @Reference UnitOfWork unitOfWork,
                           @Reference PartnerService partners, @Reference NoticeService notices) {
        this(emf, access, objects, memberships, roles, events, unitOfWork, partners, notices,
            java.time.Clock.systemUTC());
    }

    PoolServiceImpl(EntityManagerFactory emf, AccessControl access, PoolObjects objects, MembershipService memberships,
                    RoleService roles, EventPublisher events, UnitOfWork unitOfWork, PartnerService partners,
                    NoticeService notices, java.time.Clock clock) {
        this.tx = new Transactions(emf);
        this.access = access;
        this.objects = objects;
        this.memberships = memberships;
        this.roles = roles;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.distributor = new Distributor(memberships, partners);
        this.partners = partners;
        this.notices = notices;
    }

    // ---- definitions ----

    @Override
    public Pool create(CallContext ctx, PoolInput input) {
        requireStaff(ctx);
        Definition definition = validate(ctx, input, null);
        Instant now = clock.instant();
        return inUnit(em -> {
            requireFreeName(em, ctx.tenantId(), definition.name(), null);
            if (definition.redistribution()) {
                requireOneRedistribution(em, ctx.tenantId(), definition.object(), null);
            }
            requireTarget(em, ctx.tenantId(), definition);
            PoolEntity pool = new PoolEntity();
            pool.setId(Ids.newId());
            pool.setTenantId(ctx.tenantId());
            pool.setObjectName(definition.object());
            pool.setCreatedBy(ctx.isConsole() ? null : ctx.userId());
            pool.setCreatedAt(now);
            definition.applyTo(pool, now);
            em.persist(pool);
            replacePrincipals(em, pool, definition);
            em.flush();
            events.publish(em, poolEvent(ctx, "pool.created", pool));
            return toDto(pool, principals(em, pool.getId()), true);
        });
    }

    @Override
    public Pool update(CallContext ctx, String poolId, PoolInput input) {
        requireStaff(ctx);
        return inUnit(em -> {
            PoolEntity pool = lockedPool(em, ctx, poolId);
            Definition definition = validate(ctx, input, pool.getObjectName());
            requireFreeName(em, ctx.tenantId(), definition.name(), pool.getId());
            requireTarget(em, ctx.tenantId(), definition);
            if (definition.redistribution()) {
                requireOneRedistribution(em, ctx.tenantId(), pool.getObjectName(), pool.getId());
            }
            // The holding counters were kept under the old rule: changing it would leave them wrong for held records.
            if (definition.rules().closedCount() != pool.isClosedCount() && countRecords(em, pool.getId(),
                PoolRecordEntity.CLOSED) > 0) {
                throw ApiException.conflict("closed_count_fixed", "whether closed records count as held cannot change "
                    + "while the pool has closed records", "rules.closedCount");
            }
            definition.applyTo(pool, clock.instant());
            replacePrincipals(em, pool, definition);
            em.flush();
            events.publish(em, poolEvent(ctx, "pool.updated", pool));
            return toDto(pool, principals(em, pool.getId()), true);
        });
    }

    @Override
    public Pool get(CallContext ctx, String poolId) {
        return tx.read(em -> {
            PoolEntity pool = findPool(em, ctx.tenantId(), poolId).orElseThrow(() -> ApiException.notFound("Pool"));
            List<PoolMemberEntity> principals = principals(em, pool.getId());
            boolean admin = isStaff(ctx) || isAdmin(ctx, principals);
            if (!admin && (!isMember(ctx, principals) || !available(ctx, pool))) {
                throw ApiException.notFound("Pool");
            }
            return toDto(pool, principals, admin);
        });
    }

    @Override
    public List<Pool> list(CallContext ctx) {
        return tx.read(em -> {
            List<PoolEntity> pools;
            if (isStaff(ctx)) {
                pools = em.createQuery("select p from PoolEntity p where p.tenantId = :t order by p.nameKey, p.id",
                    PoolEntity.class).setParameter("t", ctx.tenantId()).getResultList();
            } else {
                pools = em.createQuery("select p from PoolEntity p where p.tenantId = :t and p.id in (select m.poolId "
                        + "from PoolMemberEntity m where m.tenantId = :t and m.principal in :keys) "
                        + "order by p.nameKey, p.id", PoolEntity.class)
                    .setParameter("t", ctx.tenantId()).setParameter("keys", keys(ctx)).getResultList();
            }
            List<Pool> answer = new ArrayList<>();
            // Asked once per object: the answer is the caller's, not the pool's.
            Map<String, Boolean> availableObjects = new HashMap<>();
            for (PoolEntity pool : pools) {
                if (!isStaff(ctx) && !availableObjects.computeIfAbsent(pool.getObjectName(), o -> available(ctx, o))) {
                    continue;
                }
                List<PoolMemberEntity> principals = principals(em, pool.getId());
                answer.add(toDto(pool, principals, isStaff(ctx) || isAdmin(ctx, principals)));
            }
            return answer;
        });
    }

    @Override
    public void delete(CallContext ctx, String poolId) {
        requireStaff(ctx);
        inUnit(em -> {
            PoolEntity pool = lockedPool(em, ctx, poolId);
            if (countRecords(em, pool.getId(), null) > 0) {
                throw ApiException.conflict("pool_not_empty", "the pool still has records: move them to another pool "
                    + "first", "id");
            }
            List<String> recyclingHere = em.createQuery("select p.name from PoolEntity p where p.tenantId = :t and "
                    + "p.recycleToPoolId = :p order by p.name", String.class).setParameter("t", pool.getTenantId())
                .setParameter("p", pool.getId()).getResultList();
            if (!recyclingHere.isEmpty()) {
                throw ApiException.conflict("pool_in_use", "pools recycle their records into this pool: "
                    + String.join(", ", recyclingHere) + "; change their recycle rules first", "id");
            }
            em.createQuery("delete from PoolMemberEntity m where m.poolId = :p").setParameter("p", pool.getId())
                .executeUpdate();
            em.createQuery("delete from PoolCounterEntity c where c.poolId = :p").setParameter("p", pool.getId())
                .executeUpdate();
            for (String ruleId : em.createQuery("select r.id from PoolRuleEntity r where r.poolId = :p", String.class)
                .setParameter("p", pool.getId()).getResultList()) {
                em.createQuery("delete from PoolRuleTurnEntity t where t.ruleId = :r").setParameter("r", ruleId)
                    .executeUpdate();
            }
            em.createQuery("delete from PoolRuleEntity r where r.poolId = :p").setParameter("p", pool.getId())
                .executeUpdate();
            events.publish(em, poolEvent(ctx, "pool.deleted", pool));
            em.remove(pool);
            definitions.forget(pool.getId());
            return null;
        });
    }

    // ---- movements ----

    @Override
    public PooledRecord put(CallContext ctx, String object, String recordId, Move move) {
        PoolableObject poolable = poolable(ctx, object);
        // The record first: whatever else is wrong, a record out of the caller's reach is not found.
        requireReadable(ctx, poolable, recordId);
        if (move == null || move.poolId() == null) {
            throw ApiException.badRequest("required", "poolId is required", "poolId");
        }
        String reason = reason(move.reason(), false);
        PoolEntity target = tx.read(em -> findPool(em, ctx.tenantId(), move.poolId()))
            .filter(p -> p.getObjectName().equals(poolable.objectName()))
            .orElseThrow(() -> ApiException.badRequest("unknown_pool", "poolId is no pool of this object", "poolId"));
        if (!isStaff(ctx) && !tx.read(em -> isAdmin(ctx, principals(em, target.getId())))) {
            throw ApiException.forbidden("only the enterprise's channel staff and the pool's admins put records into it");
        }
        if (!isStaff(ctx)) {
            // A pool's admin takes a record out of another pool only as that pool's admin too (checked again under
            // the record's lock), and one in no pool only when it may change the record: reading it is not enough.
            String from = tx.read(em -> poolRecord(em, ctx.tenantId(), poolable.objectName(), recordId))
                .map(PoolRecordEntity::getPoolId).orElse(null);
            if (from != null && !tx.read(em -> isAdmin(ctx, principals(em, from)))) {
                throw notAdminOfSource();
            }
            if (from == null && !access.reaches(ctx, poolable.objectName(), recordId, RecordAccess.WRITE)) {
                throw ApiException.forbidden("record_read_only", "you may read this record but not hand it over", "id");
            }
        }
        return enter(ctx, poolable, recordId, target, reason, "pooled");
    }

    @Override
    public PooledRecord submit(CallContext ctx, String object, String recordId, Reason reason) {
        PoolableObject poolable = poolable(ctx, object);
        if (!ctx.isExternal()) {
            throw ApiException.forbidden("downstream users submit records to their upstream; the upstream's staff put "
                + "records into pools");
        }
        String why = reason(reason == null ? null : reason.reason(), false);
        access.access(ctx, poolable.objectName()).require(SUBMIT);
        if (!access.reaches(ctx, poolable.objectName(), recordId, RecordAccess.READ)) {
            throw ApiException.notFound("Record");
        }
        if (!access.reaches(ctx, poolable.objectName(), recordId, RecordAccess.WRITE)) {
            throw ApiException.forbidden("record_read_only", "you may read this record but not hand it over", "id");
        }
        PoolEntity target = tx.read(em -> em.createQuery("select p from PoolEntity p where p.tenantId = :t and "
                + "p.objectName = :o and p.redistribution = true", PoolEntity.class).setParameter("t", ctx.tenantId())
            .setParameter("o", poolable.objectName()).getResultList().stream().findFirst())
            .orElseThrow(() -> ApiException.conflict("no_redistribution_pool", "your upstream takes no submitted records "
                + "yet: it has no redistribution pool", null));
        if (tx.read(em -> poolRecord(em, ctx.tenantId(), poolable.objectName(), recordId)).isPresent()) {
            throw ApiException.conflict("already_pooled", "the record came from a pool: give it back instead", "id");
        }
        return enter(ctx, poolable, recordId, target, why, "submitted");
    }

    /** Puts the record into the pool, waiting: from its owner, from no pool or from another pool and its holder. */
    private PooledRecord enter(CallContext ctx, PoolableObject poolable, String recordId, PoolEntity target,
                               String reason, String eventVerb) {
        PoolableObject.Candidate candidate = poolable.candidate(ctx.tenantId(), recordId)
            .orElseThrow(() -> ApiException.notFound("Record"));
        if (candidate.closed()) {
            throw ApiException.conflict("record_closed", "the record is closed and enters no pool", "id");
        }
        Instant now = clock.instant();
        PooledRecord entered = inUnit(em -> {
            PoolRecordEntity row = poolRecord(em, ctx.tenantId(), poolable.objectName(), recordId).orElse(null);
            PoolLogEntry.Action action;
            String from = null;
            if (row == null) {
                row = new PoolRecordEntity();
                row.setId(Ids.newId());
                row.setTenantId(ctx.tenantId());
                row.setObjectName(poolable.objectName());
                row.setRecordId(recordId);
                row.setPoolId(target.getId());
                row.setState(PoolRecordEntity.WAITING);
                row.setEnteredAt(now);
                em.persist(row);
                action = PoolLogEntry.Action.ENTERED;
            } else {
                em.lock(row, LockModeType.PESSIMISTIC_WRITE);
                em.refresh(row);
                if (PoolRecordEntity.CLOSED.equals(row.getState())) {
                    throw ApiException.conflict("record_closed", "the record is closed and enters no pool", "id");
                }
                from = row.getPoolId();
                if (!isStaff(ctx) && !isAdmin(ctx, principals(em, from))) {
                    throw notAdminOfSource();
                }
                if (PoolRecordEntity.HELD.equals(row.getState())) {
                    Counters.apply(em, releasing(em, row.getPoolId(), row.getHolderUserId(), row.getHolderCompanyId()));
                }
                revokePoolGrant(em, row);
                row.setPoolId(target.getId());
                row.release();
                row.setEnteredAt(now);
                action = PoolLogEntry.Action.MOVED;
            }
            grantPool(em, ctx, row, now);
            em.flush();
            poolable.place(ctx.tenantId(), recordId, target.getId(), null, null);
            log(em, ctx, row, action, null, null, reason, now);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("poolId", target.getId());
            if (from != null) {
                data.put("fromPoolId", from);
            }
            if (reason != null) {
                data.put("reason", reason);
            }
            events.publish(em, recordEvent(ctx, eventVerb, row, data));
            return toDto(row);
        });
        return distribute(ctx, poolable, entered);
    }

    /** A claim or assignment was refused by this target's counter: the unit rolls back and the rules decide again. */
    private static final class RefusedTarget extends RuntimeException {
        private final String key;

        RefusedTarget(String key) {
            super(key, null, false, false);
            this.key = key;
        }
    }

    /** The chosen holder's counters do not exist yet: created in their own transaction, then the rules decide again. */
    private static final class MissingCounters extends RuntimeException {
        private final List<String> keys;

        MissingCounters(List<String> keys) {
            super(String.join(",", keys), null, false, false);
            this.keys = keys;
        }
    }

    /** Attempts at distributing one record; each passes over a target that filled up meanwhile. */
    static final int DISTRIBUTION_ATTEMPTS = 20;

    /**
     * Hands a record that just entered a pool to the target the pool's rules choose, or leaves it waiting; records
     * the decision for {@link #explain}. The entry is already committed: should this fail, the record waits.
     */
    private PooledRecord distribute(CallContext ctx, PoolableObject poolable, PooledRecord entered) {
        if (unitOfWork.inUnit()) {
            // A retry needs its own rollback, which a caller's unit would not give: the record waits instead.
            LOG.warn("{} {} entered pool {} inside another unit of work: its distribution rules were not applied",
                entered.object(), entered.recordId(), entered.poolId());
            return entered;
        }
        Set<String> refused = new java.util.HashSet<>();
        try {
            for (int attempt = 0; attempt < DISTRIBUTION_ATTEMPTS; attempt++) {
                List<Distributor.Rule> rules = tx.read(em -> storedRules(em, entered.poolId()));
                if (rules.isEmpty()) {
                    return entered;
                }
                Map<String, String> values = rules.stream().anyMatch(r -> !r.definition().conditions().isEmpty()
                    || r.definition().strategy() == DistributionRule.Strategy.TERRITORY)
                    ? poolable.values(ctx.tenantId(), entered.recordId()) : Map.of();
                try {
                    return inUnit(em -> distributeOnce(em, ctx, poolable, entered, rules, values, refused));
                } catch (RefusedTarget target) {
                    refused.add(target.key);
                } catch (MissingCounters missing) {
                    ensureCounters(ctx.tenantId(), entered.poolId(), missing.keys);
                } catch (Distributor.RulesChanged changed) {
                    // Read them again.
                }
            }
            LOG.warn("{} {} in pool {}: no distribution after {} attempts; it waits", entered.object(),
                entered.recordId(), entered.poolId(), DISTRIBUTION_ATTEMPTS);
        } catch (RuntimeException failed) {
            // The entry is committed: the record waits in the pool, claimable, as if no rule had matched.
            LOG.warn("{} {} in pool {}: distribution failed; it waits", entered.object(), entered.recordId(),
                entered.poolId(), failed);
        }
        return entered;
    }

    private PooledRecord distributeOnce(EntityManager em, CallContext ctx, PoolableObject poolable, PooledRecord entered,
                                        List<Distributor.Rule> rules, Map<String, String> values, Set<String> refused) {
        PoolRecordEntity row = poolRecord(em, ctx.tenantId(), entered.object(), entered.recordId()).orElse(null);
        if (row == null) {
            return entered;
        }
        em.lock(row, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(row);
        if (!PoolRecordEntity.WAITING.equals(row.getState()) || !row.getPoolId().equals(entered.poolId())) {
            // Claimed or moved between its entry and now: the rules have nothing left to decide.
            return toDto(row);
        }
        PoolEntity pool = em.find(PoolEntity.class, row.getPoolId());
        Instant now = clock.instant();
        Distributor.Decision decision = distributor.decide(em, pool, levelCaps(pool), rules, values, refused,
            declined(em, row), now);
        Distributor.Choice choice = decision.choice();
        if (choice != null) {
            List<String> keys = Counters.holding(choice.userId(), choice.companyId());
            List<String> missing = Counters.missing(em, pool.getId(), keys);
            if (!missing.isEmpty()) {
                throw new MissingCounters(missing);
            }
            Counters.Change refusedChange = Counters.apply(em, taking(pool, choice.userId(), choice.companyId()));
            if (refusedChange != null) {
                throw new RefusedTarget(refusedChange.key());
            }
            Distributor.takeTurn(em, decision.rule(), choice.turnKeys());
            revokePoolGrant(em, row);
            row.setState(PoolRecordEntity.HELD);
            row.setHolderUserId(choice.userId());
            row.setHolderCompanyId(choice.companyId());
            row.setHeldSince(now);
            em.flush();
            poolable.place(ctx.tenantId(), row.getRecordId(), pool.getId(), choice.userId(), choice.companyId());
            log(em, (String) null, row, PoolLogEntry.Action.ASSIGNED, choice.userId(), choice.companyId(),
                truncate("distribution rule '" + decision.explanation().ruleName() + "'"), now);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("poolId", pool.getId());
            data.put("ruleId", decision.explanation().ruleId());
            events.publish(em, recordEvent(ctx, "assigned", row, data));
        }
        PoolDistributionEntity record = new PoolDistributionEntity();
        record.setId(Ids.newId());
        record.setTenantId(row.getTenantId());
        record.setObjectName(row.getObjectName());
        record.setRecordId(row.getRecordId());
        record.setPoolId(pool.getId());
        record.setRuleId(decision.explanation().ruleId());
        record.setDecidedAt(now);
        record.setDetail(write(decision.explanation()));
        em.persist(record);
        return toDto(row);
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    @Override
    public PooledRecord claim(CallContext ctx, String object, String recordId) {
        PoolableObject poolable = poolable(ctx, object);
        if (ctx.isConsole()) {
            throw ApiException.forbidden("the console holds no records: claim as a user, or assign");
        }
        access.access(ctx, poolable.objectName()).require(CLAIM);
        requireReadable(ctx, poolable, recordId);
        // One statement for the record's row and its pool's version (native: OpenJPA would load the whole pool for
        // a projected version); the pool and its members come from this node's copy of that version.
        Standing standing = tx.read(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery("SELECT r.ID, r.STATE, r.HOLDER_USER_ID, r.POOL_ID, "
                    + "p.VERSION FROM OP_POOL_RECORD r, OP_POOL p WHERE r.TENANT_ID = ?1 AND r.OBJECT_NAME = ?2 "
                    + "AND r.RECORD_ID = ?3 AND p.ID = r.POOL_ID")
                .setParameter(1, ctx.tenantId()).setParameter(2, poolable.objectName()).setParameter(3, recordId)
                .getResultList();
            if (found.isEmpty()) {
                return null;
            }
            Object[] r = found.get(0);
            PoolDefinitions.Definition definition = definitions.at(em, (String) r[3], ((Number) r[4]).longValue());
            return definition == null ? null
                : new Standing((String) r[0], (String) r[1], (String) r[2], definition.pool(), definition.principals());
        });
        if (standing == null) {
            throw ApiException.conflict("not_pooled", "the record is in no pool", "id");
        }
        PoolEntity pool = standing.pool();
        if (!isMember(ctx, standing.principals())) {
            throw ApiException.forbidden("not_a_member", "you are no member of the record's pool", "id");
        }
        if (!PoolMode.CLAIMABLE.name().equals(pool.getMode())) {
            throw ApiException.forbidden("assign_only", "records of this pool are assigned by its admins", "id");
        }
        if (PoolRecordEntity.CLOSED.equals(standing.state())) {
            throw ApiException.conflict("record_closed", "the record is closed", "id");
        }
        if (!PoolRecordEntity.WAITING.equals(standing.state())) {
            // Held already when read: no claim can win it now (a waiting one is decided by the statement below).
            throw ApiException.conflict("already_held", ctx.userId().equals(standing.holderUserId())
                ? "you hold this record already" : "someone else holds this record", "id");
        }
        // Milliseconds, as the entity reads it back: the recycle sweep recognises a holding by this time.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String daily = Counters.daily(ctx.userId(), now);
        List<String> counters = new ArrayList<>(Counters.holding(ctx.userId(), ctx.companyId()));
        if (pool.getDailyClaimLimit() != null) {
            counters.add(daily);
        }
        ensureCounters(ctx.tenantId(), pool.getId(), counters);
        return inUnit(em -> {
            // The arbiter: of concurrent claims (and assignments, moves) of one waiting record exactly one changes it.
            Instant cooledDown = pool.getCooldownHours() == null ? null
                : now.minus(Duration.ofHours(pool.getCooldownHours()));
            // Native SQL, one row by key: see Counters.increment for what OpenJPA's bulk update does on Derby.
            javax.persistence.Query update = em.createNativeQuery("UPDATE OP_POOL_RECORD SET STATE = ?1, "
                    + "HOLDER_USER_ID = ?2, HOLDER_COMPANY_ID = " + (ctx.companyId() == null ? "NULL" : "?3")
                    + ", HELD_SINCE = ?4, ACCEPTED_AT = ?4 WHERE ID = ?5 AND POOL_ID = ?6 "
                    + "AND STATE = ?7" + (cooledDown == null ? ""
                    : " AND (RETURNED_BY IS NULL OR RETURNED_BY <> ?2 OR RETURNED_AT <= ?8)"))
                .setParameter(1, PoolRecordEntity.HELD).setParameter(2, ctx.userId())
                .setParameter(4, java.sql.Timestamp.from(now))
                .setParameter(5, standing.rowId()).setParameter(6, pool.getId())
                .setParameter(7, PoolRecordEntity.WAITING);
            if (cooledDown != null) {
                update.setParameter(8, java.sql.Timestamp.from(cooledDown));
            }
            if (ctx.companyId() != null) {
                // Derby takes no untyped null parameter: an employee's claim writes NULL into the statement.
                update.setParameter(3, ctx.companyId());
            }
            if (update.executeUpdate() == 0) {
                throw whyNotClaimed(em, ctx, standing.rowId(), pool);
            }
            List<Counters.Change> changes = new ArrayList<>(taking(pool, ctx.userId(), ctx.companyId()));
            if (pool.getDailyClaimLimit() != null) {
                changes.add(new Counters.Change(pool.getId(), daily, 1, pool.getDailyClaimLimit()));
            }
            refuse(Counters.apply(em, changes), pool);
            // This unit's entity manager has not read the row before: the find reads it as the claim left it.
            PoolRecordEntity held = em.find(PoolRecordEntity.class, standing.rowId());
            revokePoolGrant(em, held);
            em.flush();
            poolable.place(ctx.tenantId(), recordId, pool.getId(), ctx.userId(), ctx.companyId());
            // Logged at the time the claim won the record's row (after whatever gave it back), so that the log's
            // order is the order in which holders held it.
            log(em, ctx, held, PoolLogEntry.Action.CLAIMED, ctx.userId(), ctx.companyId(), null, clock.instant());
            events.publish(em, recordEvent(ctx, "claimed", held, Map.of("poolId", pool.getId())));
            return toDto(held);
        });
    }

    /** The pools as this node read them last, for claims (see {@link PoolDefinitions}). */
    private final PoolDefinitions definitions = new PoolDefinitions();

    /** A pooled record's row as read before a claim (id, state, holder), with its pool and the pool's members. */
    private record Standing(String rowId, String state, String holderUserId, PoolEntity pool,
                            List<PoolMemberEntity> principals) {
    }

    /**
     * Counter rows known to exist ({@code pool|key}): rows are deleted only with their pool, or as daily counters of
     * days no claim counts on any more ({@link #purgePastDailyCounters}).
     */
    private final Set<String> knownCounters = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final int KNOWN_COUNTERS = 100_000;

    /**
     * Creates the counters a unit will move, in their own transaction, unless this node saw them already: a user's
     * second claim pays no extra transaction. (Finding out inside the unit does not work: reading the counters
     * after a refused update waits on rows other claims hold, and Derby saw deadlocks.)
     */
    private void ensureCounters(String tenantId, String poolId, List<String> keys) {
        List<String> unknown = keys.stream().filter(k -> !knownCounters.contains(poolId + "|" + k)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        Counters.ensure(tx, tenantId, poolId, unknown);
        if (knownCounters.size() > KNOWN_COUNTERS) {
            knownCounters.clear();
        }
        unknown.forEach(k -> knownCounters.add(poolId + "|" + k));
    }

    /** Why the conditional claim changed nothing, read after the fact (the answer, not the decision). */
    private static ApiException whyNotClaimed(EntityManager em, CallContext ctx, String rowId, PoolEntity pool) {
        PoolRecordEntity now2 = em.find(PoolRecordEntity.class, rowId);
        if (now2 != null) {
            em.refresh(now2);
        }
        if (now2 == null || !now2.getPoolId().equals(pool.getId())) {
            return ApiException.conflict("moved", "the record left this pool meanwhile", "id");
        }
        if (!PoolRecordEntity.WAITING.equals(now2.getState())) {
            return ApiException.conflict("already_held", ctx.userId().equals(now2.getHolderUserId())
                ? "you hold this record already" : "someone else holds this record", "id");
        }
        if (pool.getCooldownHours() != null && ctx.userId().equals(now2.getReturnedBy()) && now2.getReturnedAt() != null) {
            Instant until = now2.getReturnedAt().plus(Duration.ofHours(pool.getCooldownHours()));
            return ApiException.conflict("cooling_down", "you gave this record back; you may claim it again after "
                + until, "id");
        }
        // Held when the claim looked, given back since (read committed reads the latest commit each statement).
        return ApiException.conflict("already_held", "someone else held this record a moment ago", "id");
    }

    /** The holding counters of a holder (and its company) in the pool, moved by {@code delta}, with their caps. */
    private static List<Counters.Change> holding(PoolEntity pool, String userId, String companyId, int delta,
                                                 Integer companyCap) {
        List<Counters.Change> changes = new ArrayList<>();
        changes.add(new Counters.Change(pool.getId(), Counters.heldByUser(userId), delta, pool.getUserHoldingCap()));
        if (companyId != null) {
            changes.add(new Counters.Change(pool.getId(), Counters.heldByCompany(companyId), delta, companyCap));
        }
        return changes;
    }

    /** A holder takes one more record: its counters go up within the caps that apply to it. */
    private List<Counters.Change> taking(PoolEntity pool, String userId, String companyId) {
        return holding(pool, userId, companyId, 1, companyCap(pool, companyId));
    }

    /** The company's holding cap in the pool: its partner level's cap when the pool has one, else the pool's. */
    Integer companyCap(PoolEntity pool, String companyId) {
        Map<String, Integer> byLevel = levelCaps(pool);
        if (companyId == null || byLevel.isEmpty()) {
            return pool.getCompanyHoldingCap();
        }
        String level = partners.findByCompanies(CallContext.console(pool.getTenantId()), List.of(companyId)).stream()
            .findFirst().map(org.openpartner.partner.api.dto.Partner::level).orElse(null);
        return LevelCaps.capFor(byLevel, level, pool.getCompanyHoldingCap());
    }

    Map<String, Integer> levelCaps(PoolEntity pool) {
        return pool.getLevelCaps() == null ? Map.of()
            : read(pool.getLevelCaps(), new TypeReference<LinkedHashMap<String, Integer>>() { });
    }

    /** Rolls the work back, saying which limit, when a counter change was refused. */
    private static void refuse(Counters.Change refused, PoolEntity pool) {
        if (refused == null) {
            return;
        }
        String key = refused.key();
        if (key.startsWith("D:")) {
            throw ApiException.conflict("daily_limit_reached", "you claimed " + refused.limit()
                + " records of this pool today, its daily limit", null);
        }
        if (key.startsWith("C:")) {
            throw ApiException.conflict("company_holding_cap_reached", "the user's company holds "
                + refused.limit() + " records of this pool, as many as it may", null);
        }
        throw ApiException.conflict("holding_cap_reached", "the user holds " + refused.limit()
            + " records of this pool, as many as one user may", null);
    }

    private static List<Counters.Change> releasing(EntityManager em, String poolId, String userId, String companyId) {
        PoolEntity pool = em.find(PoolEntity.class, poolId);
        return holding(pool, userId, companyId, -1, null);
    }

    @Override
    public PooledRecord giveBack(CallContext ctx, String object, String recordId, Reason reason) {
        PoolableObject poolable = releasable(object);
        String why = reason(reason == null ? null : reason.reason(), true);
        access.access(ctx, poolable.objectName()).require(RETURN);
        requireReadable(ctx, poolable, recordId);
        Instant now = clock.instant();
        return inUnit(em -> {
            PoolRecordEntity row = poolRecord(em, ctx.tenantId(), poolable.objectName(), recordId)
                .orElseThrow(() -> ApiException.conflict("not_pooled", "the record is in no pool", "id"));
            int released = em.createNativeQuery("UPDATE OP_POOL_RECORD SET STATE = ?1, HOLDER_USER_ID = NULL, "
                    + "HOLDER_COMPANY_ID = NULL, HELD_SINCE = NULL, RETURNED_BY = ?2, RETURNED_AT = ?3 "
                    + "WHERE ID = ?4 AND STATE = ?5 AND HOLDER_USER_ID = ?2")
                .setParameter(1, PoolRecordEntity.WAITING).setParameter(2, ctx.userId())
                .setParameter(3, java.sql.Timestamp.from(now)).setParameter(4, row.getId())
                .setParameter(5, PoolRecordEntity.HELD).executeUpdate();
            if (released == 0) {
                throw ApiException.conflict("not_held", "you do not hold this record", "id");
            }
            em.refresh(row);
            Counters.apply(em, releasing(em, row.getPoolId(), ctx.userId(), ctx.companyId()));
            grantPool(em, ctx, row, now);
            em.flush();
            poolable.place(ctx.tenantId(), recordId, row.getPoolId(), null, null);
            log(em, ctx, row, PoolLogEntry.Action.RETURNED, ctx.userId(), ctx.companyId(), why, now);
            events.publish(em, recordEvent(ctx, "returned", row, Map.of("poolId", row.getPoolId(), "reason", why)));
            return toDto(row);
        });
    }

    @Override
    public PooledRecord accept(CallContext ctx, String object, String recordId) {
        PoolableObject poolable = poolable(ctx, object);
        requireReadable(ctx, poolable, recordId);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return inUnit(em -> {
            PoolRecordEntity row = heldBy(em, ctx, poolable, recordId, ctx.userId());
            row.setAcceptedAt(now);
            em.flush();
            log(em, ctx, row, PoolLogEntry.Action.ACCEPTED, row.getHolderUserId(), row.getHolderCompanyId(), null, now);
            events.publish(em, recordEvent(ctx, "accepted", row, Map.of("poolId", row.getPoolId())));
            return toDto(row);
        });
    }

    @Override
    public PooledRecord decline(CallContext ctx, String object, String recordId, Decline decline) {
        PoolableObject poolable = releasable(object);
        String why = reason(decline == null ? null : decline.reason(), true);
        access.access(ctx, poolable.objectName()).require(RETURN);
        requireReadable(ctx, poolable, recordId);
        PoolRecordEntity standing = tx.read(em -> poolRecord(em, ctx.tenantId(), poolable.objectName(), recordId))
            .orElseThrow(() -> ApiException.conflict("not_pooled", "the record is in no pool", "id"));
        // The holder declines; an administrator of the holder's company may decline for the company.
        boolean holder = ctx.userId().equals(standing.getHolderUserId());
        boolean forCompany = decline.byCompany() || !holder;
        if (!holder && !(ctx.companyId() != null && ctx.companyId().equals(standing.getHolderCompanyId())
            && memberships.companyAdmins(ctx.tenantId(), ctx.companyId()).contains(ctx.userId()))) {
            throw ApiException.conflict("not_held", "you do not hold this record", "id");
        }
        if (forCompany && standing.getHolderCompanyId() == null) {
            throw ApiException.badRequest("no_company", "the holder belongs to no downstream company: it declines for "
                + "itself only", "forCompany");
        }
        Instant now = clock.instant();
        PooledRecord declined = inUnit(em -> {
            PoolRecordEntity row = heldBy(em, ctx, poolable, recordId, standing.getHolderUserId());
            String holderUser = row.getHolderUserId();
            String holderCompany = row.getHolderCompanyId();
            Counters.apply(em, releasing(em, row.getPoolId(), holderUser, holderCompany));
            row.release();
            grantPool(em, ctx, row, now);
            String key = forCompany ? Counters.heldByCompany(holderCompany) : Counters.heldByUser(holderUser);
            if (!declined(em, row).contains(key)) {
                PoolDeclineEntity memory = new PoolDeclineEntity();
                memory.setId(Ids.newId());
                memory.setTenantId(row.getTenantId());
                memory.setObjectName(row.getObjectName());
                memory.setRecordId(row.getRecordId());
                memory.setTargetKey(key);
                memory.setDeclinedBy(ctx.userId());
                memory.setDeclinedAt(now);
                em.persist(memory);
            }
            em.flush();
            poolable.place(ctx.tenantId(), recordId, row.getPoolId(), null, null);
            log(em, ctx, row, PoolLogEntry.Action.DECLINED, holderUser, holderCompany, why, now);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("poolId", row.getPoolId());
            data.put("reason", why);
            data.put("forCompany", forCompany);
            events.publish(em, recordEvent(ctx, "declined", row, data));
            return toDto(row);
        });
        // Routed onward by the pool's rules, which now pass over whoever declined.
        return distribute(ctx, poolable, declined);
    }

    /**
     * The record's row, locked, held by {@code userId} and not yet accepted; 409 otherwise. Accepting and declining
     * are decided under this lock, so a claim, an assignment or a recycle in between is seen.
     */
    private PoolRecordEntity heldBy(EntityManager em, CallContext ctx, PoolableObject poolable, String recordId,
                                    String userId) {
        PoolRecordEntity row = poolRecord(em, ctx.tenantId(), poolable.objectName(), recordId)
            .orElseThrow(() -> ApiException.conflict("not_pooled", "the record is in no pool", "id"));
        em.lock(row, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(row);
        if (!PoolRecordEntity.HELD.equals(row.getState()) || userId == null || !userId.equals(row.getHolderUserId())) {
            throw ApiException.conflict("not_held", "you do not hold this record", "id");
        }
        if (row.isAccepted()) {
            throw ApiException.conflict("already_accepted", "the record was taken on already: give it back instead",
                "id");
        }
        return row;
    }

    /** The targets ({@code U:} users, {@code C:} companies) that turned the record down. */
    private static Set<String> declined(EntityManager em, PoolRecordEntity row) {
        return Set.copyOf(em.createQuery("select d.targetKey from PoolDeclineEntity d where d.tenantId = :t and "
                + "d.objectName = :o and d.recordId = :r", String.class).setParameter("t", row.getTenantId())
            .setParameter("o", row.getObjectName()).setParameter("r", row.getRecordId()).getResultList());
    }

    @Override
    public PooledRecord assign(CallContext ctx, String object, String recordId, Assignment assignment) {
        PoolableObject poolable = poolable(ctx, object);
        if (assignment == null || assignment.userId() == null) {
            throw ApiException.badRequest("required", "userId is required", "userId");
        }
        String why = reason(assignment.reason(), false);
        requireReadable(ctx, poolable, recordId);
        PoolRecordEntity row = tx.read(em -> poolRecord(em, ctx.tenantId(), poolable.objectName(), recordId))
            .orElseThrow(() -> ApiException.conflict("not_pooled", "the record is in no pool", "id"));
        PoolEntity pool = tx.read(em -> em.find(PoolEntity.class, row.getPoolId()));
        List<PoolMemberEntity> principals = tx.read(em -> principals(em, pool.getId()));
        if (!isStaff(ctx) && !isAdmin(ctx, principals)) {
            throw ApiException.forbidden("only the enterprise's channel staff and the pool's admins assign its records");
        }
        access.access(ctx, poolable.objectName()).require(ASSIGN);
        CallContext assignee = memberships.contextOf(ctx.tenantId(), assignment.userId())
            .filter(user -> isMember(user, principals) || (user.isInternal()))
            .orElseThrow(() -> ApiException.badRequest("unknown_user", "userId is no active member of the pool nor "
                + "an employee of the enterprise", "userId"));
        Instant now = clock.instant();
        ensureCounters(ctx.tenantId(), pool.getId(), Counters.holding(assignee.userId(), assignee.companyId()));
        return inUnit(em -> {
            PoolRecordEntity current = em.find(PoolRecordEntity.class, row.getId());
            if (current == null) {
                throw ApiException.conflict("not_pooled", "the record is in no pool", "id");
            }
            em.lock(current, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(current);
            if (PoolRecordEntity.CLOSED.equals(current.getState())) {
                throw ApiException.conflict("record_closed", "the record is closed", "id");
            }
            if (!pool.getId().equals(current.getPoolId())) {
                // Moved since the pool's rights and members were checked: those of its new pool decide.
                throw ApiException.conflict("concurrent_change", "the record moved to another pool meanwhile; "
                    + "reload and try again", "id");
            }
            List<Counters.Change> changes = new ArrayList<>(taking(pool, assignee.userId(), assignee.companyId()));
            if (PoolRecordEntity.HELD.equals(current.getState())) {
                changes.addAll(releasing(em, current.getPoolId(), current.getHolderUserId(), current.getHolderCompanyId()));
            } else {
                revokePoolGrant(em, current);
            }
            refuse(Counters.apply(em, changes), pool);
            current.setState(PoolRecordEntity.HELD);
            current.setHolderUserId(assignee.userId());
            current.setHolderCompanyId(assignee.companyId());
            current.setHeldSince(now);
            em.flush();
            poolable.place(ctx.tenantId(), recordId, pool.getId(), assignee.userId(), assignee.companyId());
            log(em, ctx, current, PoolLogEntry.Action.ASSIGNED, assignee.userId(), assignee.companyId(), why, now);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("poolId", pool.getId());
            data.put("holderUserId", assignee.userId());
            if (why != null) {
                data.put("reason", why);
            }
            events.publish(em, recordEvent(ctx, "assigned", current, data));
            return toDto(current);
        });
    }

    @Override
    public Optional<PooledRecord> where(CallContext ctx, String object, String recordId) {
        PoolableObject poolable = poolable(ctx, object);
        requireReadable(ctx, poolable, recordId);
        ObjectAccess mine = access.access(ctx, poolable.objectName());
        mine.require(Actions.VIEW);
        return tx.read(em -> poolRecord(em, ctx.tenantId(), poolable.objectName(), recordId).map(PoolServiceImpl::toDto))
            .map(record -> masked(mine, record));
    }

    /**
     * The record's place without what the caller's roles hide of the record itself: its holder is its owner
     * ({@code ownerUserId}, {@code ownerCompanyId}) and its pool its {@code poolId}, for objects that have those fields.
     */
    static PooledRecord masked(ObjectAccess mine, PooledRecord record) {
        return new PooledRecord(record.object(), record.recordId(), shown(mine, "poolId", record.poolId()),
            record.state(), shown(mine, "ownerUserId", record.holderUserId()),
            shown(mine, "ownerCompanyId", record.holderCompanyId()), record.enteredAt(), record.heldSince(),
            record.acceptedAt());
    }

    /** The value, unless the object has the field and the caller's roles hide it. */
    private static String shown(ObjectAccess mine, String field, String value) {
        return mine.object().field(field).isEmpty() || mine.isVisible(field) ? value : null;
    }

    @Override
    public List<PoolLogEntry> history(CallContext ctx, String object, String recordId) {
        PoolableObject poolable = poolable(ctx, object);
        requireReadable(ctx, poolable, recordId);
        return tx.read(em -> {
            // A pool's admin reads the movements in the pools it administers, chosen in the query.
            List<String> administered = isStaff(ctx) ? null : administeredPools(em, ctx);
            if (administered != null && administered.isEmpty()) {
                throw ApiException.forbidden("only the enterprise's channel staff and the pool's admins read a "
                    + "record's pool history");
            }
            javax.persistence.TypedQuery<PoolLogEntity> query = em.createQuery("select l from PoolLogEntity l where "
                    + "l.tenantId = :t and l.objectName = :o and l.recordId = :r"
                    + (administered == null ? "" : " and l.poolId in :pools") + " order by l.at, l.id",
                    PoolLogEntity.class)
                .setParameter("t", ctx.tenantId()).setParameter("o", poolable.objectName()).setParameter("r", recordId);
            List<PoolLogEntity> entries = (administered == null ? query : query.setParameter("pools", administered))
                .getResultList();
            if (administered != null && entries.isEmpty()) {
                throw ApiException.forbidden("only the enterprise's channel staff and the pool's admins read a "
                    + "record's pool history");
            }
            return entries.stream().map(PoolServiceImpl::toDto).toList();
        });
    }

    @Override
    public Set<String> hiddenUntilClaimed(CallContext ctx, String poolId) {
        if (poolId == null || isStaff(ctx)) {
            return Set.of();
        }
        return tx.read(em -> findPool(em, ctx.tenantId(), poolId).map(pool -> {
            if (pool.getHiddenFields() == null || isAdmin(ctx, principals(em, pool.getId()))) {
                return Set.<String>of();
            }
            return Set.copyOf(split(pool.getHiddenFields()));
        }).orElse(Set.of()));
    }

    @Override
    public void closed(CallContext ctx, String object, String recordId) {
        inUnit(em -> {
            poolRecord(em, ctx.tenantId(), object, recordId).ifPresent(row -> {
                em.lock(row, LockModeType.PESSIMISTIC_WRITE);
                em.refresh(row);
                if (PoolRecordEntity.CLOSED.equals(row.getState())) {
                    return;
                }
                PoolEntity pool = em.find(PoolEntity.class, row.getPoolId());
                if (PoolRecordEntity.HELD.equals(row.getState()) && !pool.isClosedCount()) {
                    Counters.apply(em, releasing(em, row.getPoolId(), row.getHolderUserId(), row.getHolderCompanyId()));
                }
                revokePoolGrant(em, row);
                row.setState(PoolRecordEntity.CLOSED);
                log(em, ctx, row, PoolLogEntry.Action.CLOSED, row.getHolderUserId(), row.getHolderCompanyId(), null,
                    clock.instant());
            });
            return null;
        });
    }

    @Override
    public void removed(CallContext ctx, String object, String recordId) {
        inUnit(em -> {
            poolRecord(em, ctx.tenantId(), object, recordId).ifPresent(row -> {
                em.lock(row, LockModeType.PESSIMISTIC_WRITE);
                em.refresh(row);
                PoolEntity pool = em.find(PoolEntity.class, row.getPoolId());
                boolean counted = PoolRecordEntity.HELD.equals(row.getState())
                    || (PoolRecordEntity.CLOSED.equals(row.getState()) && pool.isClosedCount() && row.getHolderUserId() != null);
                if (counted) {
                    Counters.apply(em, releasing(em, row.getPoolId(), row.getHolderUserId(), row.getHolderCompanyId()));
                }
                revokePoolGrant(em, row);
                em.remove(row);
                for (String entity : List.of("PoolDistributionEntity", "PoolDeclineEntity")) {
                    em.createQuery("delete from " + entity + " d where d.tenantId = :t and d.objectName = :o "
                            + "and d.recordId = :r").setParameter("t", ctx.tenantId()).setParameter("o", object)
                        .setParameter("r", recordId).executeUpdate();
                }
            });
            return null;
        });
    }

    // ---- recycling ----

    static final int RECYCLE_BATCH = 500;
    static final int MAX_RECYCLE_DAYS = 3650;

    @Override
    public List<PooledRecord> recycleNow(CallContext ctx) {
        requireStaff(ctx);
        return recycleTenant(ctx.tenantId());
    }

    /** When this node last removed past days' claim counters (the sweep does it once an hour). */
    private volatile Instant lastCounterPurge = Instant.EPOCH;

    /**
     * Removes the daily claim counters of days before yesterday (UTC), which no claim reads again: a claim counts on
     * the key of its own day. Yesterday's stay, so that a node whose clock lags does not find its counter gone. Once
     * an hour per node; two nodes deleting the same rows at once both succeed. Counters removed.
     */
    int purgePastDailyCounters() {
        Instant now = clock.instant();
        if (now.isBefore(lastCounterPurge.plus(Duration.ofHours(1)))) {
            return 0;
        }
        lastCounterPurge = now;
        String yesterday = now.atOffset(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1).toString();
        // The key ends with its ISO date ("D:<user>:2026-11-24"), which compares as text.
        return tx.inTransaction(em -> em.createNativeQuery("DELETE FROM OP_POOL_COUNTER WHERE COUNTER_KEY LIKE 'D:%' "
            + "AND SUBSTR(COUNTER_KEY, LENGTH(COUNTER_KEY) - 9) < ?1").setParameter(1, yesterday).executeUpdate());
    }

    /** The scheduled sweep: every tenant with recycle rules. Records recycled. */
    int recycleDue() {
        List<String> tenants = tx.read(em -> em.createQuery("select distinct p.tenantId from PoolEntity p where "
            + "p.recycleNoFollowUpDays is not null or p.recycleNotClosedDays is not null", String.class)
            .getResultList());
        int recycled = 0;
        for (String tenant : tenants) {
            try {
                recycled += recycleTenant(tenant).size();
            } catch (RuntimeException failed) {
                // One tenant's failure must not keep the others' records held; the next sweep tries again.
                LOG.warn("Recycle sweep of tenant {} failed", tenant, failed);
            }
        }
        return recycled;
    }

    private List<PooledRecord> recycleTenant(String tenantId) {
        CallContext system = CallContext.console(tenantId);
        List<PoolEntity> pools = tx.read(em -> em.createQuery("select p from PoolEntity p where p.tenantId = :t and "
                + "(p.recycleNoFollowUpDays is not null or p.recycleNotClosedDays is not null) order by p.id",
                PoolEntity.class).setParameter("t", tenantId).getResultList());
        List<PooledRecord> recycled = new ArrayList<>();
        for (PoolEntity pool : pools) {
            Optional<PoolableObject> poolable = objects.find(pool.getObjectName());
            if (poolable.isEmpty()) {
                continue;
            }
            Instant now = clock.instant();
            int days = Math.min(pool.getRecycleNoFollowUpDays() == null ? Integer.MAX_VALUE
                : pool.getRecycleNoFollowUpDays(), pool.getRecycleNotClosedDays() == null ? Integer.MAX_VALUE
                : pool.getRecycleNotClosedDays());
            // A target deleted since goes unnoticed by the pool: its records then wait in their own pool.
            String targetId = pool.getRecycleToPoolId() != null && tx.read(em -> findPool(em, pool.getTenantId(),
                pool.getRecycleToPoolId())).isPresent() ? pool.getRecycleToPoolId() : pool.getId();
            // Held at least as long as the shorter rule less the earliest notice: the only records either rule can
            // make due or bring onto the escalation ladder.
            int advance = Math.max(pool.getRecycleRemindDays() == null ? 0 : pool.getRecycleRemindDays(),
                pool.getRecycleNotifyAdminDays() == null ? 0 : pool.getRecycleNotifyAdminDays());
            Instant heldBefore = now.minus(Duration.ofDays(days - advance));
            String after = "";
            while (true) {
                String from = after;
                List<PoolRecordEntity> held = tx.read(em -> em.createQuery("select r from PoolRecordEntity r where "
                        + "r.poolId = :p and r.state = :s and r.heldSince <= :before and r.id > :after order by r.id",
                        PoolRecordEntity.class).setParameter("p", pool.getId()).setParameter("s", PoolRecordEntity.HELD)
                    .setParameter("before", java.util.Date.from(heldBefore)).setParameter("after", from)
                    .setMaxResults(RECYCLE_BATCH).getResultList());
                if (held.isEmpty()) {
                    break;
                }
                Map<String, Instant> activity = poolable.get().lastActivity(tenantId,
                    held.stream().map(PoolRecordEntity::getRecordId).toList());
                for (PoolRecordEntity row : held) {
                    Due due = due(pool, row, activity.get(row.getRecordId()));
                    int step = due == null ? 0 : due.noticeStep(pool, now);
                    try {
                        if (due != null && !due.at().isAfter(now)) {
                            recycleOne(system, poolable.get(), pool, targetId, row, due.reason()).ifPresent(recycled::add);
                        } else if (step > 0) {
                            noticeOne(pool, row, due, step);
                        }
                    } catch (RuntimeException failed) {
                        // This record stays as it is until the next sweep; the others go on.
                        LOG.warn("Recycling {} {} failed", pool.getObjectName(), row.getRecordId(), failed);
                    }
                }
                after = held.get(held.size() - 1).getId();
            }
        }
        return recycled;
    }

    /** When a held record is recycled unless something happens first, and by which rule. */
    record Due(Instant at, String reason) {

        /** The escalation step reached now (0: none, 1: remind the holder, 2: notify the admins too). */
        int noticeStep(PoolEntity pool, Instant now) {
            Integer admin = pool.getRecycleNotifyAdminDays();
            if (admin != null && !at.minus(Duration.ofDays(admin)).isAfter(now)) {
                return 2;
            }
            Integer remind = pool.getRecycleRemindDays();
            return remind != null && !at.minus(Duration.ofDays(remind)).isAfter(now) ? 1 : 0;
        }
    }

    /**
     * When the held record falls due, by the earlier of its rules (no follow-up within N days of the last activity or
     * the claim; not closed within M days of the claim), or null when the pool has neither.
     */
    static Due due(PoolEntity pool, PoolRecordEntity row, Instant lastActivity) {
        Instant touched = lastActivity != null && lastActivity.isAfter(row.getHeldSince()) ? lastActivity
            : row.getHeldSince();
        Integer idle = pool.getRecycleNoFollowUpDays();
        Integer open = pool.getRecycleNotClosedDays();
        Due byIdle = idle == null ? null : new Due(touched.plus(Duration.ofDays(idle)), "no follow-up in " + idle + " days");
        Due byAge = open == null ? null : new Due(row.getHeldSince().plus(Duration.ofDays(open)),
            "not closed within " + open + " days");
        if (byIdle == null || byAge == null) {
            return byIdle != null ? byIdle : byAge;
        }
        return byAge.at().isBefore(byIdle.at()) ? byAge : byIdle;
    }

    /** The pool's admins who are users (admins are named by user), by id. */
    private static List<String> poolAdmins(EntityManager em, String poolId) {
        return em.createQuery("select m.principal from PoolMemberEntity m where m.poolId = :p and m.kind = :a",
                String.class).setParameter("p", poolId).setParameter("a", PoolMemberEntity.ADMIN).getResultList()
            .stream().filter(key -> key.startsWith("U:")).map(key -> key.substring(2)).toList();
    }

    /**
     * One step of the escalation ladder for a held record, sent once: a conditional statement records the step for
     * this due time on the holding as read, and only the sweep whose statement changed the row sends the notices (in
     * the same unit, so a failed send records nothing). A due time that moved (a follow-up) starts the ladder again.
     */
    private void noticeOne(PoolEntity pool, PoolRecordEntity seen, Due due, int step) {
        java.sql.Timestamp dueAt = java.sql.Timestamp.from(due.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        inUnit(em -> {
            int changed = em.createNativeQuery("UPDATE OP_POOL_RECORD SET NOTICE_STEP = ?1, NOTICE_DUE = ?2 WHERE ID = ?3 "
                    + "AND STATE = ?4 AND HOLDER_USER_ID = ?5 AND HELD_SINCE < ?6 AND POOL_ID = ?7 AND (NOTICE_DUE IS NULL "
                    + "OR NOTICE_DUE <> ?2 OR NOTICE_STEP IS NULL OR NOTICE_STEP < ?1)")
                .setParameter(1, step).setParameter(2, dueAt).setParameter(3, seen.getId())
                .setParameter(4, PoolRecordEntity.HELD).setParameter(5, seen.getHolderUserId())
                .setParameter(6, java.sql.Timestamp.from(seen.getHeldSince().plusMillis(1)))
                .setParameter(7, pool.getId()).executeUpdate();
            if (changed == 0) {
                return null;
            }
            String object = pool.getObjectName();
            // Records are named by id: a title must not carry a field the recipient's roles may hide.
            String when = due.at().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
            String body = "Pool \"" + pool.getName() + "\": " + due.reason() + " recycles the " + object + " on " + when
                + " unless it is followed up" + (due.reason().startsWith("not closed") ? " and closed" : "") + ".";
            notices.send(pool.getTenantId(), List.of(seen.getHolderUserId()), new NoticeDraft(
                "pool.recycle-reminder", "A " + object + " you hold goes back to its pool on " + when, body, object,
                seen.getRecordId()));
            if (step == 2) {
                List<String> admins = seen.getHolderCompanyId() == null ? poolAdmins(em, pool.getId())
                    : memberships.companyAdmins(pool.getTenantId(), seen.getHolderCompanyId());
                List<String> others = admins.stream().filter(id -> !id.equals(seen.getHolderUserId())).toList();
                if (!others.isEmpty()) {
                    notices.send(pool.getTenantId(), others, new NoticeDraft("pool.recycle-escalation", "A " + object
                        + " held by user " + seen.getHolderUserId() + " goes back to its pool on " + when, body, object,
                        seen.getRecordId()));
                }
            }
            return null;
        });
    }

    /**
     * Takes the record from its holder into the recycle pool, if it is still held as read: one conditional
     * statement on state, holder and the time of the holding, so that another node's sweep, a return or a new
     * claim at the same moment leaves it changed once. Then the target pool's rules decide.
     */
    private Optional<PooledRecord> recycleOne(CallContext system, PoolableObject poolable, PoolEntity pool,
                                              String targetId, PoolRecordEntity seen, String reason) {
        Instant now = clock.instant();
        PooledRecord moved = inUnit(em -> {
            // The same holding as read: same pool, holder, and held since no later than then (a new holding by the
            // same user starts later). "Returned by" the holder, so that the pool's cool-down keeps it from
            // claiming the record straight back.
            int changed = em.createNativeQuery("UPDATE OP_POOL_RECORD SET STATE = ?1, HOLDER_USER_ID = NULL, "
                    + "HOLDER_COMPANY_ID = NULL, HELD_SINCE = NULL, POOL_ID = ?2, ENTERED_AT = ?3, RETURNED_BY = ?6, "
                    + "RETURNED_AT = ?3 WHERE ID = ?4 AND STATE = ?5 AND HOLDER_USER_ID = ?6 AND HELD_SINCE < ?7 "
                    + "AND POOL_ID = ?8")
                .setParameter(1, PoolRecordEntity.WAITING).setParameter(2, targetId)
                .setParameter(3, java.sql.Timestamp.from(now)).setParameter(4, seen.getId())
                .setParameter(5, PoolRecordEntity.HELD).setParameter(6, seen.getHolderUserId())
                .setParameter(7, java.sql.Timestamp.from(seen.getHeldSince().plusMillis(1)))
                .setParameter(8, pool.getId()).executeUpdate();
            if (changed == 0) {
                return null;
            }
            Counters.apply(em, releasing(em, pool.getId(), seen.getHolderUserId(), seen.getHolderCompanyId()));
            PoolRecordEntity row = em.find(PoolRecordEntity.class, seen.getId());
            grantPool(em, system, row, now);
            em.flush();
            poolable.place(row.getTenantId(), row.getRecordId(), targetId, null, null);
            log(em, (String) null, row, PoolLogEntry.Action.RECYCLED, seen.getHolderUserId(),
                seen.getHolderCompanyId(), reason, now);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("poolId", targetId);
            data.put("fromPoolId", pool.getId());
            data.put("formerHolderUserId", seen.getHolderUserId());
            data.put("reason", reason);
            events.publish(em, recordEvent(system, "recycled", row, data));
            return toDto(row);
        });
        return moved == null ? Optional.empty() : Optional.of(distribute(system, poolable, moved));
    }

    // ---- bulk ----

    static final int MAX_BULK = 1000;

    @Override
    public List<RecordOutcome> assignAll(CallContext ctx, String poolId, BulkAssignment assignment) {
        if (assignment == null) {
            throw ApiException.badRequest("required", "recordIds is required", "recordIds");
        }
        PoolEntity pool = administered(ctx, poolId, "assign its records");
        List<String> ids = bulkIds(assignment.recordIds());
        if (assignment.userId() == null) {
            throw ApiException.badRequest("required", "userId is required", "userId");
        }
        return each(ctx, pool, ids, id -> assign(ctx, pool.getObjectName(), id, new Assignment(assignment.userId(),
            assignment.reason())));
    }

    @Override
    public List<RecordOutcome> moveAll(CallContext ctx, String poolId, BulkMove move) {
        if (move == null) {
            throw ApiException.badRequest("required", "recordIds is required", "recordIds");
        }
        PoolEntity pool = administered(ctx, poolId, "move its records");
        List<String> ids = bulkIds(move.recordIds());
        if (move.poolId() == null) {
            throw ApiException.badRequest("required", "poolId is required", "poolId");
        }
        return each(ctx, pool, ids, id -> put(ctx, pool.getObjectName(), id, new Move(move.poolId(), move.reason())));
    }

    /** The pool, for its admins and the upstream's staff; 404 for whoever may not see it, 403 for its members. */
    private PoolEntity administered(CallContext ctx, String poolId, String action) {
        return tx.read(em -> {
            PoolEntity pool = findPool(em, ctx.tenantId(), poolId).orElseThrow(() -> ApiException.notFound("Pool"));
            List<PoolMemberEntity> principals = principals(em, pool.getId());
            if (!isStaff(ctx) && !isAdmin(ctx, principals)) {
                if (isMember(ctx, principals)) {
                    throw ApiException.forbidden("only the enterprise's channel staff and the pool's admins "
                        + action);
                }
                throw ApiException.notFound("Pool");
            }
            return pool;
        });
    }

    private static List<String> bulkIds(List<String> given) {
        List<String> ids = given == null ? List.of() : given.stream().filter(id -> id != null && !id.isBlank())
            .distinct().toList();
        if (ids.isEmpty()) {
            throw ApiException.badRequest("required", "recordIds names at least one record", "recordIds");
        }
        if (ids.size() > MAX_BULK) {
            throw ApiException.badRequest("too_many", "at most " + MAX_BULK + " records at once", "recordIds");
        }
        return ids;
    }

    /**
     * Runs the change for each record of the pool in its own transaction. A record the caller may not read is
     * "not_found" like one that does not exist; one in another pool "not_in_pool".
     */
    private List<RecordOutcome> each(CallContext ctx, PoolEntity pool, List<String> ids,
                                     Function<String, PooledRecord> change) {
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (String id : ids) {
            try {
                if (!access.reaches(ctx, pool.getObjectName(), id, RecordAccess.READ)) {
                    throw ApiException.notFound("Record");
                }
                boolean inPool = tx.read(em -> poolRecord(em, ctx.tenantId(), pool.getObjectName(), id))
                    .filter(r -> r.getPoolId().equals(pool.getId())).isPresent();
                if (!inPool) {
                    throw ApiException.conflict("not_in_pool", "the record is not in this pool", "recordIds");
                }
                outcomes.add(new RecordOutcome(id, change.apply(id), null, null));
            } catch (ApiException refused) {
                outcomes.add(new RecordOutcome(id, null, refused.code(), refused.getMessage()));
            } catch (RuntimeException failed) {
                // The records before it are changed; this one is not, and the rest still get their turn.
                LOG.warn("bulk change of {} {} failed", pool.getObjectName(), id, failed);
                outcomes.add(new RecordOutcome(id, null, "internal_error", "the record could not be changed; "
                    + "it is as it was"));
            }
        }
        return outcomes;
    }

    // ---- distribution rules ----

    static final int MAX_RULES = 50;
    static final int MAX_TARGETS = 200;
    static final int MAX_CONDITIONS = 20;
    static final int MAX_VALUES = 100;
    static final int MAX_VALUE = 200;

    @Override
    public List<DistributionRule> rules(CallContext ctx, String poolId) {
        PoolEntity pool = administered(ctx, poolId, "read its distribution rules");
        return tx.read(em -> storedRules(em, pool.getId()).stream().map(Distributor.Rule::definition).toList());
    }

    @Override
    public List<DistributionRule> replaceRules(CallContext ctx, String poolId, List<DistributionRule> given) {
        requireStaff(ctx);
        return inUnit(em -> {
            PoolEntity pool = lockedPool(em, ctx, poolId);
            List<PoolRuleEntity> existing = em.createQuery("select r from PoolRuleEntity r where r.poolId = :p",
                PoolRuleEntity.class).setParameter("p", pool.getId()).getResultList();
            Map<String, PoolRuleEntity> byId = new LinkedHashMap<>();
            existing.forEach(r -> byId.put(r.getId(), r));
            List<CheckedRule> rules = validateRules(ctx, pool, given, byId.keySet());
            Set<String> kept = new java.util.HashSet<>();
            rules.forEach(r -> kept.add(r.id()));
            for (PoolRuleEntity gone : existing) {
                if (!kept.contains(gone.getId())) {
                    em.createQuery("delete from PoolRuleTurnEntity t where t.ruleId = :r").setParameter("r", gone.getId())
                        .executeUpdate();
                    em.remove(gone);
                }
            }
            for (int i = 0; i < rules.size(); i++) {
                CheckedRule rule = rules.get(i);
                PoolRuleEntity entity = byId.get(rule.id());
                if (entity == null) {
                    entity = new PoolRuleEntity();
                    entity.setId(rule.id());
                    entity.setTenantId(pool.getTenantId());
                    entity.setPoolId(pool.getId());
                    em.persist(entity);
                } else {
                    // Waits for a distribution holding the rule; no version check (the entity has none).
                    em.lock(entity, LockModeType.PESSIMISTIC_WRITE);
                }
                entity.setPosition(i);
                entity.setName(rule.name());
                entity.setStrategy(rule.strategy().name());
                entity.setConditions(rule.conditions().isEmpty() ? null : write(rule.conditions()));
                entity.setTargets(rule.targets().isEmpty() ? null : String.join(",", rule.targets()));
                entity.setTerritoryRecordField(rule.territory() == null ? null : rule.territory().recordField());
                entity.setTerritoryPartnerField(rule.territory() == null ? null : rule.territory().partnerField());
            }
            pool.setUpdatedAt(clock.instant());
            em.flush();
            events.publish(em, poolEvent(ctx, "pool.updated", pool));
            return storedRules(em, pool.getId()).stream().map(Distributor.Rule::definition).toList();
        });
    }

    @Override
    public Optional<Distribution> explain(CallContext ctx, String object, String recordId) {
        PoolableObject poolable = poolable(ctx, object);
        requireReadable(ctx, poolable, recordId);
        return tx.read(em -> {
            List<PoolDistributionEntity> found = em.createQuery("select d from PoolDistributionEntity d where "
                    + "d.tenantId = :t and d.objectName = :o and d.recordId = :r order by d.decidedAt desc, d.id desc",
                    PoolDistributionEntity.class).setParameter("t", ctx.tenantId())
                .setParameter("o", poolable.objectName()).setParameter("r", recordId).setMaxResults(1).getResultList();
            if (found.isEmpty()) {
                requireStaffOrSomeAdmin(em, ctx);
                return Optional.<Distribution>empty();
            }
            PoolDistributionEntity latest = found.get(0);
            if (!isStaff(ctx) && !isAdmin(ctx, principals(em, latest.getPoolId()))) {
                throw ApiException.forbidden("only the enterprise's channel staff and the pool's admins read why a "
                    + "record went where it did");
            }
            Distribution stored = read(latest.getDetail(), new TypeReference<Distribution>() { });
            return Optional.of(new Distribution(latest.getDecidedAt(), stored.poolId(), stored.outcome(),
                stored.ruleId(), stored.ruleName(), stored.strategy(), orEmpty(stored.unmatched()),
                orEmpty(stored.weighed()), stored.userId(), stored.companyId(), stored.summary()));
        });
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void requireStaffOrSomeAdmin(EntityManager em, CallContext ctx) {
        if (!isStaff(ctx) && administeredPools(em, ctx).isEmpty()) {
            throw ApiException.forbidden("only the enterprise's channel staff and the pools' admins read why a record "
                + "went where it did");
        }
    }

    /** The pools of the caller's tenant it administers (by any of its keys). */
    private static List<String> administeredPools(EntityManager em, CallContext ctx) {
        return em.createQuery("select distinct m.poolId from PoolMemberEntity m where m.tenantId = :t and m.kind = :a "
                + "and m.principal in :keys", String.class).setParameter("t", ctx.tenantId())
            .setParameter("a", PoolMemberEntity.ADMIN).setParameter("keys", keys(ctx)).getResultList();
    }

    /** The pool's rules in their order, as stored. */
    List<Distributor.Rule> storedRules(EntityManager em, String poolId) {
        List<Distributor.Rule> rules = new ArrayList<>();
        for (PoolRuleEntity r : em.createQuery("select r from PoolRuleEntity r where r.poolId = :p order by r.position",
            PoolRuleEntity.class).setParameter("p", poolId).getResultList()) {
            List<DistributionRule.Condition> conditions = r.getConditions() == null ? List.of()
                : read(r.getConditions(), new TypeReference<List<DistributionRule.Condition>>() { });
            List<PoolMember> targets = split(r.getTargets()).stream().map(PoolServiceImpl::member).toList();
            DistributionRule.Territory territory = r.getTerritoryRecordField() == null ? null
                : new DistributionRule.Territory(r.getTerritoryRecordField(), r.getTerritoryPartnerField());
            rules.add(new Distributor.Rule(r, new DistributionRule(r.getId(), r.getName(), conditions,
                DistributionRule.Strategy.valueOf(r.getStrategy()), targets, territory)));
        }
        return rules;
    }

    /** A checked rule: its id (given or new), targets as principal keys. */
    record CheckedRule(String id, String name, List<DistributionRule.Condition> conditions,
                       DistributionRule.Strategy strategy, List<String> targets, DistributionRule.Territory territory) {
    }

    List<CheckedRule> validateRules(CallContext ctx, PoolEntity pool, List<DistributionRule> given,
                                    Set<String> existingIds) {
        List<DistributionRule> rules = given == null ? List.of() : given;
        if (rules.size() > MAX_RULES) {
            throw ApiException.badRequest("too_many", "a pool has at most " + MAX_RULES + " distribution rules", "rules");
        }
        ObjectDefinition object = access.object(pool.getObjectName())
            .orElseThrow(() -> ApiException.conflict("object_not_installed", "the pool's object is not installed", null));
        Set<String> fields = new TreeSet<>();
        object.fields().forEach(f -> fields.add(f.name()));
        List<CheckedRule> checked = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = "[" + i + "]";
            DistributionRule rule = rules.get(i);
            if (rule == null) {
                throw ApiException.badRequest("required", "a rule has a name and a strategy", at);
            }
            String id = rule.id();
            if (id != null && (!existingIds.contains(id) || !ids.add(id))) {
                throw ApiException.badRequest("unknown_rule", "id names no rule of this pool (leave it out for a new "
                    + "rule)", at + ".id");
            }
            String name = Names.require(rule.name(), at + ".name", MAX_NAME);
            if (rule.strategy() == null) {
                throw ApiException.badRequest("required", "strategy is required: ROUND_ROBIN, CAPACITY, TERRITORY or "
                    + "LEAVE", at + ".strategy");
            }
            List<DistributionRule.Condition> conditions = new ArrayList<>();
            List<DistributionRule.Condition> givenConditions = rule.conditions() == null ? List.of() : rule.conditions();
            if (givenConditions.size() > MAX_CONDITIONS) {
                throw ApiException.badRequest("too_many", "a rule has at most " + MAX_CONDITIONS + " conditions",
                    at + ".conditions");
            }
            for (int c = 0; c < givenConditions.size(); c++) {
                conditions.add(condition(givenConditions.get(c), fields, pool.getObjectName(),
                    at + ".conditions[" + c + "]"));
            }
            List<String> targets = new ArrayList<>();
            List<PoolMember> givenTargets = rule.targets() == null ? List.of() : rule.targets();
            if (givenTargets.size() > MAX_TARGETS) {
                throw ApiException.badRequest("too_many", "a rule has at most " + MAX_TARGETS + " targets",
                    at + ".targets");
            }
            for (int t = 0; t < givenTargets.size(); t++) {
                targets.add(memberKey(ctx, givenTargets.get(t), at + ".targets[" + t + "]"));
            }
            targets = new ArrayList<>(new LinkedHashSet<>(targets));
            if (rule.strategy() != DistributionRule.Strategy.LEAVE && targets.isEmpty()) {
                throw ApiException.badRequest("required", "a rule that hands records out names its targets",
                    at + ".targets");
            }
            if (rule.strategy() == DistributionRule.Strategy.LEAVE && !targets.isEmpty()) {
                throw ApiException.badRequest("not_applicable", "a LEAVE rule hands records to no one: leave targets out",
                    at + ".targets");
            }
            DistributionRule.Territory territory = null;
            if (rule.strategy() == DistributionRule.Strategy.TERRITORY) {
                territory = rule.territory();
                if (territory == null || territory.recordField() == null || !fields.contains(territory.recordField())) {
                    throw ApiException.badRequest("unknown_field", "territory.recordField names a field of "
                        + pool.getObjectName() + ": " + String.join(", ", fields), at + ".territory.recordField");
                }
                String partnerField = territory.partnerField() == null ? "region" : territory.partnerField();
                if (!Distributor.PARTNER_FIELDS.contains(partnerField)) {
                    throw ApiException.badRequest("unknown_field", "territory.partnerField is region, level or type",
                        at + ".territory.partnerField");
                }
                territory = new DistributionRule.Territory(territory.recordField(), partnerField);
            } else if (rule.territory() != null) {
                throw ApiException.badRequest("not_applicable", "territory belongs to TERRITORY rules",
                    at + ".territory");
            }
            checked.add(new CheckedRule(id == null ? Ids.newId() : id, name, conditions, rule.strategy(), targets,
                territory));
        }
        return checked;
    }

    private static DistributionRule.Condition condition(DistributionRule.Condition given, Set<String> fields,
                                                        String object, String at) {
        if (given == null || given.field() == null || !fields.contains(given.field())) {
            throw ApiException.badRequest("unknown_field", "field names a field of " + object + ": "
                + String.join(", ", fields), at + ".field");
        }
        if (given.operator() == null) {
            throw ApiException.badRequest("required", "operator is required: IN, NOT_IN, EMPTY or NOT_EMPTY",
                at + ".operator");
        }
        List<String> values = given.values() == null ? List.of() : given.values().stream()
            .filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
        boolean listing = given.operator() == DistributionRule.Condition.Operator.IN
            || given.operator() == DistributionRule.Condition.Operator.NOT_IN;
        if (listing && values.isEmpty()) {
            throw ApiException.badRequest("required", given.operator() + " compares with at least one value",
                at + ".values");
        }
        if (!listing && !values.isEmpty()) {
            throw ApiException.badRequest("not_applicable", given.operator() + " takes no values", at + ".values");
        }
        if (values.size() > MAX_VALUES || values.stream().anyMatch(v -> v.length() > MAX_VALUE)) {
            throw ApiException.badRequest("too_long", "at most " + MAX_VALUES + " values of at most " + MAX_VALUE
                + " characters", at + ".values");
        }
        return new DistributionRule.Condition(given.field(), given.operator(), values);
    }

    private static PoolMember member(String key) {
        return new PoolMember(switch (key.substring(0, 2)) {
            case "C:" -> PoolMember.Kind.COMPANY;
            case "R:" -> PoolMember.Kind.ROLE;
            default -> PoolMember.Kind.USER;
        }, key.substring(2));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read back", e);
        }
    }

    // ---- helpers ----

    private <T> T inUnit(Function<EntityManager, T> work) {
        return unitOfWork.inUnit(() -> tx.inTransaction(work));
    }

    /** The poolable object, if the caller may work with its records at all (its app enabled for an external user). */
    private PoolableObject poolable(CallContext ctx, String object) {
        PoolableObject poolable = objects.find(object).orElseThrow(() -> ApiException.notFound("Record"));
        poolable.requireAvailable(ctx);
        return poolable;
    }

    /**
     * The poolable object for giving a record back or declining it: a holder whose company lost the object's app
     * still lets go of what it holds (else the record would stay held, counting against its caps, until recycled).
     */
    private PoolableObject releasable(String object) {
        return objects.find(object).orElseThrow(() -> ApiException.notFound("Record"));
    }

    /** Whether the caller may work with the pool's object (see {@link PoolableObject#requireAvailable}). */
    private boolean available(CallContext ctx, PoolEntity pool) {
        return available(ctx, pool.getObjectName());
    }

    private boolean available(CallContext ctx, String objectName) {
        try {
            objects.find(objectName).ifPresent(poolable -> poolable.requireAvailable(ctx));
            return true;
        } catch (ApiException refused) {
            return false;
        }
    }

    private static ApiException notAdminOfSource() {
        return ApiException.forbidden("only the enterprise's channel staff and the admins of the record's pool take "
            + "it out of that pool");
    }

    /** 404 for a record the caller may not read, as for one that does not exist. */
    private void requireReadable(CallContext ctx, PoolableObject poolable, String recordId) {
        if (recordId == null || !access.reaches(ctx, poolable.objectName(), recordId, RecordAccess.READ)) {
            throw ApiException.notFound("Record");
        }
    }

    private static void grantPool(EntityManager em, CallContext ctx, PoolRecordEntity row, Instant now) {
        ShareGrant grant = new ShareGrant();
        grant.setId(Ids.newId());
        grant.setTenantId(row.getTenantId());
        grant.setObjectName(row.getObjectName());
        grant.setRecordId(row.getRecordId());
        grant.setPrincipal(POOL_PRINCIPAL + row.getPoolId());
        grant.setAccessLevel(ShareGrant.READ);
        grant.setSource(GRANT_SOURCE);
        grant.setCreatedBy(ctx.isConsole() ? null : ctx.userId());
        grant.setCreatedAt(now);
        em.persist(grant);
    }

    /**
     * Native SQL on the shared grant table's unique key: OpenJPA writes the JPQL bulk delete as {@code delete ...
     * where ID in (select ...)}, which Derby answered with a scan of every grant of every object, on every claim
     * (found by the claim benchmark: 5 ms a claim with 2,000 grants, growing with the table).
     */
    private static void revokePoolGrant(EntityManager em, PoolRecordEntity row) {
        em.createNativeQuery("DELETE FROM OP_SHARE WHERE TENANT_ID = ?1 AND OBJECT_NAME = ?2 AND RECORD_ID = ?3 "
                + "AND SOURCE = ?4").setParameter(1, row.getTenantId()).setParameter(2, row.getObjectName())
            .setParameter(3, row.getRecordId()).setParameter(4, GRANT_SOURCE).executeUpdate();
    }

    private static void log(EntityManager em, CallContext ctx, PoolRecordEntity row, PoolLogEntry.Action action,
                            String holderUserId, String holderCompanyId, String reason, Instant now) {
        log(em, ctx.isConsole() ? null : ctx.userId(), row, action, holderUserId, holderCompanyId, reason, now);
    }

    /** A movement by {@code actorUserId}; null for the console and the pool's own rules. */
    private static void log(EntityManager em, String actorUserId, PoolRecordEntity row, PoolLogEntry.Action action,
                            String holderUserId, String holderCompanyId, String reason, Instant now) {
        PoolLogEntity entry = new PoolLogEntity();
        entry.setId(Ids.newId());
        entry.setTenantId(row.getTenantId());
        entry.setObjectName(row.getObjectName());
        entry.setRecordId(row.getRecordId());
        entry.setPoolId(row.getPoolId());
        entry.setAction(action.name());
        entry.setActorUserId(actorUserId);
        entry.setHolderUserId(holderUserId);
        entry.setHolderCompanyId(holderCompanyId);
        entry.setReason(reason);
        entry.setAt(now);
        em.persist(entry);
    }

    static Optional<PoolRecordEntity> poolRecord(EntityManager em, String tenantId, String object, String recordId) {
        return em.createQuery("select r from PoolRecordEntity r where r.tenantId = :t and r.objectName = :o "
                + "and r.recordId = :r", PoolRecordEntity.class).setParameter("t", tenantId).setParameter("o", object)
            .setParameter("r", recordId).getResultList().stream().findFirst();
    }

    private static Optional<PoolEntity> findPool(EntityManager em, String tenantId, String poolId) {
        return Optional.ofNullable(poolId == null ? null : em.find(PoolEntity.class, poolId))
            .filter(p -> p.getTenantId().equals(tenantId));
    }

    private static PoolEntity lockedPool(EntityManager em, CallContext ctx, String poolId) {
        PoolEntity pool = findPool(em, ctx.tenantId(), poolId).orElseThrow(() -> ApiException.notFound("Pool"));
        em.lock(pool, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(pool);
        return pool;
    }

    private static long countRecords(EntityManager em, String poolId, String state) {
        javax.persistence.TypedQuery<Long> count = em.createQuery("select count(r) from PoolRecordEntity r "
            + "where r.poolId = :p" + (state == null ? "" : " and r.state = :s"), Long.class).setParameter("p", poolId);
        return (state == null ? count : count.setParameter("s", state)).getSingleResult();
    }

    static List<PoolMemberEntity> principals(EntityManager em, String poolId) {
        return em.createQuery("select m from PoolMemberEntity m where m.poolId = :p order by m.kind desc, m.principal",
            PoolMemberEntity.class).setParameter("p", poolId).getResultList();
    }

    /** The keys the caller holds as the access model names it: user, company (external users) and roles. */
    static List<String> keys(CallContext ctx) {
        List<String> keys = new ArrayList<>();
        keys.add("U:" + ctx.userId());
        if (ctx.isExternal()) {
            keys.add("C:" + ctx.companyId());
        }
        new TreeSet<>(ctx.roles()).forEach(role -> keys.add("R:" + role));
        return keys;
    }

    static boolean isStaff(CallContext ctx) {
        return ctx.isConsole() || ctx.isChannelStaff();
    }

    private static void requireStaff(CallContext ctx) {
        if (!isStaff(ctx)) {
            ctx.requireChannelStaff("manage pools");
        }
    }

    static boolean isMember(CallContext ctx, List<PoolMemberEntity> principals) {
        return holds(ctx, principals, PoolMemberEntity.MEMBER);
    }

    static boolean isAdmin(CallContext ctx, List<PoolMemberEntity> principals) {
        return holds(ctx, principals, PoolMemberEntity.ADMIN);
    }

    private static boolean holds(CallContext ctx, List<PoolMemberEntity> principals, String kind) {
        Set<String> mine = Set.copyOf(keys(ctx));
        return principals.stream().anyMatch(m -> kind.equals(m.getKind()) && mine.contains(m.getPrincipal()));
    }

    private static String reason(String given, boolean required) {
        String reason = given == null ? "" : given.strip();
        if (reason.isEmpty()) {
            if (required) {
                throw ApiException.badRequest("required", "reason is required", "reason");
            }
            return null;
        }
        if (reason.length() > MAX_REASON) {
            throw ApiException.badRequest("too_long", "reason must be at most " + MAX_REASON + " characters", "reason");
        }
        return reason;
    }

    private static void requireFreeName(EntityManager em, String tenantId, String name, String exceptId) {
        boolean taken = em.createQuery("select p.id from PoolEntity p where p.tenantId = :t and p.nameKey = :k",
                String.class).setParameter("t", tenantId).setParameter("k", Names.key(name)).getResultList().stream()
            .anyMatch(id -> !id.equals(exceptId));
        if (taken) {
            throw ApiException.conflict("duplicate_name", "another pool has that name", "name");
        }
    }

    private static void requireOneRedistribution(EntityManager em, String tenantId, String object, String exceptId) {
        boolean taken = em.createQuery("select p.id from PoolEntity p where p.tenantId = :t and p.objectName = :o "
                + "and p.redistribution = true", String.class).setParameter("t", tenantId).setParameter("o", object)
            .getResultList().stream().anyMatch(id -> !id.equals(exceptId));
        if (taken) {
            throw ApiException.conflict("redistribution_taken", "another pool of this object takes submitted records",
                "redistribution");
        }
    }

    private static void replacePrincipals(EntityManager em, PoolEntity pool, Definition definition) {
        em.createQuery("delete from PoolMemberEntity m where m.poolId = :p").setParameter("p", pool.getId())
            .executeUpdate();
        for (String key : definition.members()) {
            em.persist(principal(pool, PoolMemberEntity.MEMBER, key));
        }
        for (String key : definition.admins()) {
            em.persist(principal(pool, PoolMemberEntity.ADMIN, key));
        }
    }

    private static PoolMemberEntity principal(PoolEntity pool, String kind, String key) {
        PoolMemberEntity member = new PoolMemberEntity();
        member.setId(Ids.newId());
        member.setTenantId(pool.getTenantId());
        member.setPoolId(pool.getId());
        member.setKind(kind);
        member.setPrincipal(key);
        return member;
    }

    /** A checked pool definition: its members and admins as principal keys. */
    record Definition(String name, String object, PoolMode mode, boolean redistribution, List<String> members,
                      List<String> admins, List<String> hidden, ClaimRules rules, String levelCaps,
                      RecycleRules recycle) {

        void applyTo(PoolEntity pool, Instant now) {
            pool.setName(name);
            pool.setNameKey(Names.key(name));
            pool.setMode(mode.name());
            pool.setRedistribution(redistribution);
            pool.setHiddenFields(hidden.isEmpty() ? null : String.join(",", hidden));
            pool.setDailyClaimLimit(rules.dailyClaimLimit());
            pool.setUserHoldingCap(rules.userHoldingCap());
            pool.setCompanyHoldingCap(rules.companyHoldingCap());
            pool.setClosedCount(Boolean.TRUE.equals(rules.closedCount()));
            pool.setCooldownHours(rules.cooldownHours());
            pool.setLevelCaps(levelCaps);
            pool.setRecycleNoFollowUpDays(recycle == null ? null : recycle.noFollowUpDays());
            pool.setRecycleNotClosedDays(recycle == null ? null : recycle.notClosedDays());
            pool.setRecycleToPoolId(recycle == null ? null : recycle.toPoolId());
            pool.setRecycleRemindDays(recycle == null ? null : recycle.remindDaysBefore());
            pool.setRecycleNotifyAdminDays(recycle == null ? null : recycle.notifyAdminDaysBefore());
            pool.setUpdatedAt(now);
        }
    }

    /** Checks a definition; {@code object} is the existing pool's object on update (it cannot change). */
    Definition validate(CallContext ctx, PoolInput input, String object) {
        if (input == null) {
            throw ApiException.badRequest("required", "name is required", "name");
        }
        String name = Names.require(input.name(), "name", MAX_NAME);
        String objectName = object;
        if (object == null) {
            if (input.object() == null) {
                throw ApiException.badRequest("required", "object is required", "object");
            }
            objectName = objects.require(input.object(), "object").objectName();
        } else if (input.object() != null && !input.object().equals(object)) {
            throw ApiException.badRequest("immutable", "a pool's object cannot change", "object");
        }
        ObjectDefinition definition = access.object(objectName)
            .orElseThrow(() -> ApiException.badRequest("unknown_object", "no installed object by that name can be "
                + "pooled", "object"));
        List<String> members = new ArrayList<>();
        List<PoolMember> given = input.members() == null ? List.of() : input.members();
        if (given.size() > MAX_MEMBERS) {
            throw ApiException.badRequest("too_many", "a pool has at most " + MAX_MEMBERS + " members", "members");
        }
        for (int i = 0; i < given.size(); i++) {
            members.add(memberKey(ctx, given.get(i), "members[" + i + "]"));
        }
        List<String> admins = new ArrayList<>();
        List<String> adminIds = input.admins() == null ? List.of() : input.admins();
        for (int i = 0; i < adminIds.size(); i++) {
            String id = adminIds.get(i);
            if (id == null || memberships.contextOf(ctx.tenantId(), id).filter(CallContext::isInternal).isEmpty()) {
                throw ApiException.badRequest("unknown_user", "an admin is an active employee of the enterprise",
                    "admins[" + i + "]");
            }
            admins.add("U:" + id);
        }
        List<String> hidden = new ArrayList<>(new LinkedHashSet<>(input.hiddenUntilClaimed() == null ? List.of()
            : input.hiddenUntilClaimed()));
        Set<String> fields = new TreeSet<>();
        definition.fields().forEach(f -> fields.add(f.name()));
        for (int i = 0; i < hidden.size(); i++) {
            if (hidden.get(i) == null || !fields.contains(hidden.get(i))) {
                throw ApiException.badRequest("unknown_field", "hiddenUntilClaimed names no field of " + objectName
                    + "; it has " + String.join(", ", fields), "hiddenUntilClaimed[" + i + "]");
            }
        }
        ClaimRules rules = input.rules() == null ? ClaimRules.NONE : input.rules();
        positive(rules.dailyClaimLimit(), "rules.dailyClaimLimit");
        positive(rules.userHoldingCap(), "rules.userHoldingCap");
        positive(rules.companyHoldingCap(), "rules.companyHoldingCap");
        positive(rules.cooldownHours(), "rules.cooldownHours");
        if (rules.cooldownHours() != null && rules.cooldownHours() > MAX_COOLDOWN_HOURS) {
            // A cool-down is counted back from each claim's time: a huge one would ask the database for a time
            // before any it stores.
            throw ApiException.badRequest("invalid_number", "rules.cooldownHours is at most " + MAX_COOLDOWN_HOURS
                + " (a year)", "rules.cooldownHours");
        }
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        Map<String, Integer> givenLevels = rules.companyHoldingCapByLevel() == null ? Map.of()
            : rules.companyHoldingCapByLevel();
        if (givenLevels.size() > MAX_LEVELS) {
            throw ApiException.badRequest("too_many", "at most " + MAX_LEVELS + " partner levels have caps",
                "rules.companyHoldingCapByLevel");
        }
        Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, Integer> level : givenLevels.entrySet()) {
            String field = "rules.companyHoldingCapByLevel." + level.getKey();
            String normalized = Distributor.normalized(level.getKey());
            if (normalized == null || normalized.length() > MAX_LEVEL || !seen.add(normalized)) {
                throw ApiException.badRequest("invalid_level", "a partner level is named once, in at most " + MAX_LEVEL
                    + " characters", field);
            }
            if (level.getValue() == null) {
                throw ApiException.badRequest("required", field + " is a number of records", field);
            }
            positive(level.getValue(), field);
            byLevel.put(level.getKey().strip(), level.getValue());
        }
        // closedCount left out is false, as for a new pool.
        ClaimRules checked = new ClaimRules(rules.dailyClaimLimit(), rules.userHoldingCap(), rules.companyHoldingCap(),
            Boolean.TRUE.equals(rules.closedCount()), rules.cooldownHours(), byLevel);
        return new Definition(name, objectName, input.mode() == null ? PoolMode.CLAIMABLE : input.mode(),
            Boolean.TRUE.equals(input.redistribution()), new ArrayList<>(new LinkedHashSet<>(members)),
            new ArrayList<>(new LinkedHashSet<>(admins)), hidden, checked, byLevel.isEmpty() ? null : write(byLevel),
            recycle(input.recycle()));
    }

    /** Checks recycle rules by themselves; the target pool is checked against the database by {@link #requireTarget}. */
    private static RecycleRules recycle(RecycleRules given) {
        if (given == null || (given.noFollowUpDays() == null && given.notClosedDays() == null)) {
            if (given != null && (given.toPoolId() != null || given.remindDaysBefore() != null
                || given.notifyAdminDaysBefore() != null)) {
                throw ApiException.badRequest("required", "a recycle target or reminder needs noFollowUpDays or "
                    + "notClosedDays", "recycle");
            }
            return null;
        }
        // The days themselves first: the reminders are counted back from them.
        positive(given.noFollowUpDays(), "recycle.noFollowUpDays");
        positive(given.notClosedDays(), "recycle.notClosedDays");
        for (Integer days : java.util.Arrays.asList(given.noFollowUpDays(), given.notClosedDays())) {
            if (days != null && days > MAX_RECYCLE_DAYS) {
                throw ApiException.badRequest("invalid_number", "recycle rules count at most " + MAX_RECYCLE_DAYS
                    + " days", days.equals(given.noFollowUpDays()) ? "recycle.noFollowUpDays" : "recycle.notClosedDays");
            }
        }
        positive(given.remindDaysBefore(), "recycle.remindDaysBefore");
        positive(given.notifyAdminDaysBefore(), "recycle.notifyAdminDaysBefore");
        int shortest = Math.min(given.noFollowUpDays() == null ? Integer.MAX_VALUE : given.noFollowUpDays(),
            given.notClosedDays() == null ? Integer.MAX_VALUE : given.notClosedDays());
        for (String field : List.of("remindDaysBefore", "notifyAdminDaysBefore")) {
            Integer before = field.equals("remindDaysBefore") ? given.remindDaysBefore() : given.notifyAdminDaysBefore();
            if (before != null && before >= shortest) {
                throw ApiException.badRequest("invalid_number", "recycle." + field + " must be fewer days than the "
                    + "shortest recycle rule (" + shortest + ")", "recycle." + field);
            }
        }
        if (given.remindDaysBefore() != null && given.notifyAdminDaysBefore() != null
            && given.notifyAdminDaysBefore() >= given.remindDaysBefore()) {
            throw ApiException.badRequest("invalid_number", "recycle.notifyAdminDaysBefore must be fewer days than "
                + "remindDaysBefore: the holder is reminded first", "recycle.notifyAdminDaysBefore");
        }
        return given;
    }

    /** The recycle target is a pool of the same object in the tenant. */
    private static void requireTarget(EntityManager em, String tenantId, Definition definition) {
        String target = definition.recycle() == null ? null : definition.recycle().toPoolId();
        if (target != null && findPool(em, tenantId, target).filter(p -> p.getObjectName()
            .equals(definition.object())).isEmpty()) {
            throw ApiException.badRequest("unknown_pool", "recycle.toPoolId is no pool of " + definition.object(),
                "recycle.toPoolId");
        }
    }

    private String memberKey(CallContext ctx, PoolMember member, String field) {
        if (member == null || member.kind() == null || member.id() == null) {
            throw ApiException.badRequest("required", "a member has a kind (COMPANY, ROLE or USER) and an id", field);
        }
        boolean known = switch (member.kind()) {
            case COMPANY -> memberships.isDownstreamCompany(ctx.tenantId(), member.id());
            case ROLE -> roles.findRole(ctx, member.id()).isPresent();
            case USER -> memberships.contextOf(ctx.tenantId(), member.id()).isPresent();
        };
        if (!known) {
            throw ApiException.badRequest("unknown_member", "no " + member.kind().name().toLowerCase() + " of this "
                + "enterprise has that id", field);
        }
        return switch (member.kind()) {
            case COMPANY -> "C:";
            case ROLE -> "R:";
            case USER -> "U:";
        } + member.id();
    }

    private static void positive(Integer value, String field) {
        if (value != null && value < 1) {
            throw ApiException.badRequest("invalid_number", field + " is at least 1 (leave it out for no limit)", field);
        }
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    Pool toDto(PoolEntity p, List<PoolMemberEntity> principals, boolean withPrincipals) {
        List<PoolMember> members = null;
        List<String> admins = null;
        if (withPrincipals) {
            members = new ArrayList<>();
            admins = new ArrayList<>();
            for (PoolMemberEntity m : principals) {
                String id = m.getPrincipal().substring(2);
                if (PoolMemberEntity.ADMIN.equals(m.getKind())) {
                    admins.add(id);
                } else {
                    members.add(member(m.getPrincipal()));
                }
            }
        }
        return new Pool(p.getId(), p.getName(), p.getObjectName(), PoolMode.valueOf(p.getMode()), p.isRedistribution(),
            members, admins, split(p.getHiddenFields()), new ClaimRules(p.getDailyClaimLimit(), p.getUserHoldingCap(),
            p.getCompanyHoldingCap(), p.isClosedCount(), p.getCooldownHours(), levelCaps(p)), p.getCreatedAt(),
            p.getUpdatedAt(),
            p.getVersion(), p.getRecycleNoFollowUpDays() == null && p.getRecycleNotClosedDays() == null ? null
                : new RecycleRules(p.getRecycleNoFollowUpDays(), p.getRecycleNotClosedDays(), p.getRecycleToPoolId(),
                    p.getRecycleRemindDays(), p.getRecycleNotifyAdminDays()));
    }

    static PooledRecord toDto(PoolRecordEntity r) {
        return new PooledRecord(r.getObjectName(), r.getRecordId(), r.getPoolId(), PooledRecord.State.valueOf(
            PoolRecordEntity.CLOSED.equals(r.getState()) ? "CLOSED" : r.getState()), r.getHolderUserId(),
            r.getHolderCompanyId(), r.getEnteredAt(), r.getHeldSince(), r.isAccepted() ? r.getAcceptedAt() : null);
    }

    static PoolLogEntry toDto(PoolLogEntity l) {
        return new PoolLogEntry(l.getId(), l.getAt(), PoolLogEntry.Action.valueOf(l.getAction()), l.getPoolId(),
            l.getActorUserId(), l.getHolderUserId(), l.getHolderCompanyId(), l.getReason());
    }

    private static DomainEvent poolEvent(CallContext ctx, String type, PoolEntity pool) {
        return new DomainEvent(type, ctx.tenantId(), "Pool", pool.getId(), ctx.userId(),
            type.substring("pool.".length()) + ": pool " + pool.getName(), Map.of("object", pool.getObjectName()));
    }

    /** {@code <object>.<verb>}: lead.claimed, account.returned... */
    private static DomainEvent recordEvent(CallContext ctx, String verb, PoolRecordEntity row, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>(data);
        if (row.getHolderUserId() != null) {
            payload.put("holderUserId", row.getHolderUserId());
        }
        if (row.getHolderCompanyId() != null) {
            payload.put("holderCompanyId", row.getHolderCompanyId());
        }
        String aggregate = Character.toUpperCase(row.getObjectName().charAt(0)) + row.getObjectName().substring(1);
        return new DomainEvent(row.getObjectName() + "." + verb, ctx.tenantId(), aggregate, row.getRecordId(),
            ctx.userId(), verb + ": " + row.getObjectName() + " " + row.getRecordId(), payload);
    }
}
