package org.openpartner.pools.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.jpa.ShareGrant;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.openpartner.pools.api.PoolService;
import org.openpartner.pools.api.dto.Assignment;
import org.openpartner.pools.api.dto.ClaimRules;
import org.openpartner.pools.api.dto.Move;
import org.openpartner.pools.api.dto.Pool;
import org.openpartner.pools.api.dto.PoolInput;
import org.openpartner.pools.api.dto.PoolLogEntry;
import org.openpartner.pools.api.dto.PoolMember;
import org.openpartner.pools.api.dto.PoolMode;
import org.openpartner.pools.api.dto.PooledRecord;
import org.openpartner.pools.api.dto.Reason;
import org.openpartner.pools.api.spi.PoolableObject;
import org.openpartner.pools.internal.jpa.PoolEntity;
import org.openpartner.pools.internal.jpa.PoolLogEntity;
import org.openpartner.pools.internal.jpa.PoolMemberEntity;
import org.openpartner.pools.internal.jpa.PoolRecordEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = PoolService.class)
public class PoolServiceImpl implements PoolService {

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

    private final Transactions tx;
    private final AccessControl access;
    private final PoolObjects objects;
    private final MembershipService memberships;
    private final RoleService roles;
    private final EventPublisher events;
    private final UnitOfWork unitOfWork;
    private final java.time.Clock clock;

    @Activate
    public PoolServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-pools)") EntityManagerFactory emf,
                           @Reference AccessControl access, @Reference PoolObjects objects,
                           @Reference MembershipService memberships, @Reference RoleService roles,
                           @Reference EventPublisher events, @Reference UnitOfWork unitOfWork) {
        this(emf, access, objects, memberships, roles, events, unitOfWork, java.time.Clock.systemUTC());
    }

    PoolServiceImpl(EntityManagerFactory emf, AccessControl access, PoolObjects objects, MembershipService memberships,
                    RoleService roles, EventPublisher events, UnitOfWork unitOfWork, java.time.Clock clock) {
        this.tx = new Transactions(emf);
        this.access = access;
        this.objects = objects;
        this.memberships = memberships;
        this.roles = roles;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
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
            if (!admin && !isMember(ctx, principals)) {
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
            for (PoolEntity pool : pools) {
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
            em.createQuery("delete from PoolMemberEntity m where m.poolId = :p").setParameter("p", pool.getId())
                .executeUpdate();
            em.createQuery("delete from PoolCounterEntity c where c.poolId = :p").setParameter("p", pool.getId())
                .executeUpdate();
            events.publish(em, poolEvent(ctx, "pool.deleted", pool));
            em.remove(pool);
            return null;
        });
    }

    // ---- movements ----

    @Override
    public PooledRecord put(CallContext ctx, String object, String recordId, Move move) {
        PoolableObject poolable = poolable(object);
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
        return enter(ctx, poolable, recordId, target, reason, "pooled");
    }

    @Override
    public PooledRecord submit(CallContext ctx, String object, String recordId, Reason reason) {
        PoolableObject poolable = poolable(object);
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
        return inUnit(em -> {
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
                if (PoolRecordEntity.HELD.equals(row.getState())) {
                    Counters.apply(em, releasing(em, row.getPoolId(), row.getHolderUserId(), row.getHolderCompanyId()));
                }
                revokePoolGrant(em, row);
                row.setPoolId(target.getId());
                row.setState(PoolRecordEntity.WAITING);
                row.setHolderUserId(null);
                row.setHolderCompanyId(null);
                row.setHeldSince(null);
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
    }

    @Override
    public PooledRecord claim(CallContext ctx, String object, String recordId) {
        PoolableObject poolable = poolable(object);
        if (ctx.isConsole()) {
            throw ApiException.forbidden("the console holds no records: claim as a user, or assign");
        }
        access.access(ctx, poolable.objectName()).require(CLAIM);
        requireReadable(ctx, poolable, recordId);
        PoolRecordEntity row = tx.read(em -> poolRecord(em, ctx.tenantId(), poolable.objectName(), recordId))
            .orElseThrow(() -> ApiException.conflict("not_pooled", "the record is in no pool", "id"));
        PoolEntity pool = tx.read(em -> em.find(PoolEntity.class, row.getPoolId()));
        List<PoolMemberEntity> principals = tx.read(em -> principals(em, pool.getId()));
        if (!isMember(ctx, principals)) {
            throw ApiException.forbidden("not_a_member", "you are no member of the record's pool", "id");
        }
        if (!PoolMode.CLAIMABLE.name().equals(pool.getMode())) {
            throw ApiException.forbidden("assign_only", "records of this pool are assigned by its admins", "id");
        }
        Instant now = clock.instant();
        String daily = Counters.daily(ctx.userId(), now);
        List<String> counters = new ArrayList<>(Counters.holding(ctx.userId(), ctx.companyId()));
        if (pool.getDailyClaimLimit() != null) {
            counters.add(daily);
        }
        Counters.ensure(tx, ctx.tenantId(), pool.getId(), counters);
        return inUnit(em -> {
            // The arbiter: of concurrent claims (and assignments, moves) of one waiting record exactly one changes it.
            Instant cooledDown = pool.getCooldownHours() == null ? null
                : now.minus(Duration.ofHours(pool.getCooldownHours()));
            // Native SQL, one row by key: see Counters.increment for what OpenJPA's bulk update does on Derby.
            javax.persistence.Query update = em.createNativeQuery("UPDATE OP_POOL_RECORD SET STATE = ?1, "
                    + "HOLDER_USER_ID = ?2, HOLDER_COMPANY_ID = " + (ctx.companyId() == null ? "NULL" : "?3")
                    + ", HELD_SINCE = ?4 WHERE ID = ?5 AND POOL_ID = ?6 "
                    + "AND STATE = ?7" + (cooledDown == null ? ""
                    : " AND (RETURNED_BY IS NULL OR RETURNED_BY <> ?2 OR RETURNED_AT <= ?8)"))
                .setParameter(1, PoolRecordEntity.HELD).setParameter(2, ctx.userId())
                .setParameter(4, java.sql.Timestamp.from(now))
                .setParameter(5, row.getId()).setParameter(6, pool.getId())
                .setParameter(7, PoolRecordEntity.WAITING);
            if (cooledDown != null) {
                update.setParameter(8, java.sql.Timestamp.from(cooledDown));
            }
            if (ctx.companyId() != null) {
                // Derby takes no untyped null parameter: an employee's claim writes NULL into the statement.
                update.setParameter(3, ctx.companyId());
            }
            if (update.executeUpdate() == 0) {
                throw whyNotClaimed(em, ctx, row.getId(), pool);
            }
            List<Counters.Change> changes = new ArrayList<>(holding(pool, ctx.userId(), ctx.companyId(), 1));
            if (pool.getDailyClaimLimit() != null) {
                changes.add(new Counters.Change(pool.getId(), daily, 1, pool.getDailyClaimLimit()));
            }
            refuse(Counters.apply(em, changes), pool);
            PoolRecordEntity held = em.find(PoolRecordEntity.class, row.getId());
            em.refresh(held);
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
    private static List<Counters.Change> holding(PoolEntity pool, String userId, String companyId, int delta) {
        List<Counters.Change> changes = new ArrayList<>();
        changes.add(new Counters.Change(pool.getId(), Counters.heldByUser(userId), delta, pool.getUserHoldingCap()));
        if (companyId != null) {
            changes.add(new Counters.Change(pool.getId(), Counters.heldByCompany(companyId), delta,
                pool.getCompanyHoldingCap()));
        }
        return changes;
    }

    /** Rolls the work back, saying which limit, when a counter change was refused. */
    private static void refuse(Counters.Change refused, PoolEntity pool) {
        if (refused == null) {
            return;
        }
        String key = refused.key();
        if (key.startsWith("D:")) {
            throw ApiException.conflict("daily_limit_reached", "you claimed " + pool.getDailyClaimLimit()
                + " records of this pool today, its daily limit", null);
        }
        if (key.startsWith("C:")) {
            throw ApiException.conflict("company_holding_cap_reached", "the user's company holds "
                + pool.getCompanyHoldingCap() + " records of this pool, as many as one company may", null);
        }
        throw ApiException.conflict("holding_cap_reached", "the user holds " + pool.getUserHoldingCap()
            + " records of this pool, as many as one user may", null);
    }

    private static List<Counters.Change> releasing(EntityManager em, String poolId, String userId, String companyId) {
        PoolEntity pool = em.find(PoolEntity.class, poolId);
        return holding(pool, userId, companyId, -1);
    }

    @Override
    public PooledRecord giveBack(CallContext ctx, String object, String recordId, Reason reason) {
        PoolableObject poolable = poolable(object);
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
    public PooledRecord assign(CallContext ctx, String object, String recordId, Assignment assignment) {
        PoolableObject poolable = poolable(object);
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
        Counters.ensure(tx, ctx.tenantId(), pool.getId(), Counters.holding(assignee.userId(), assignee.companyId()));
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
            List<Counters.Change> changes = new ArrayList<>(holding(pool, assignee.userId(), assignee.companyId(), 1));
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
        PoolableObject poolable = poolable(object);
        requireReadable(ctx, poolable, recordId);
        return tx.read(em -> poolRecord(em, ctx.tenantId(), poolable.objectName(), recordId).map(PoolServiceImpl::toDto));
    }

    @Override
    public List<PoolLogEntry> history(CallContext ctx, String object, String recordId) {
        PoolableObject poolable = poolable(object);
        requireReadable(ctx, poolable, recordId);
        return tx.read(em -> {
            List<PoolLogEntity> entries = em.createQuery("select l from PoolLogEntity l where l.tenantId = :t and "
                    + "l.objectName = :o and l.recordId = :r order by l.at, l.id", PoolLogEntity.class)
                .setParameter("t", ctx.tenantId()).setParameter("o", poolable.objectName()).setParameter("r", recordId)
                .getResultList();
            if (!isStaff(ctx)) {
                // A pool's admin reads the movements in the pools it administers.
                Set<String> administered = new TreeSet<>(em.createQuery("select m.poolId from PoolMemberEntity m "
                        + "where m.tenantId = :t and m.kind = :a and m.principal in :keys", String.class)
                    .setParameter("t", ctx.tenantId()).setParameter("a", PoolMemberEntity.ADMIN)
                    .setParameter("keys", keys(ctx)).getResultList());
                if (entries.stream().noneMatch(e -> administered.contains(e.getPoolId()))) {
                    throw ApiException.forbidden("only the enterprise's channel staff and the pool's admins read a "
                        + "record's pool history");
                }
                entries = entries.stream().filter(e -> administered.contains(e.getPoolId())).toList();
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
            });
            return null;
        });
    }

    // ---- helpers ----

    private <T> T inUnit(Function<EntityManager, T> work) {
        return unitOfWork.inUnit(() -> tx.inTransaction(work));
    }

    private PoolableObject poolable(String object) {
        return objects.find(object).orElseThrow(() -> ApiException.notFound("Record"));
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

    private static void revokePoolGrant(EntityManager em, PoolRecordEntity row) {
        em.createQuery("delete from ShareGrant g where g.tenantId = :t and g.objectName = :o and g.recordId = :r "
                + "and g.source = :s").setParameter("t", row.getTenantId()).setParameter("o", row.getObjectName())
            .setParameter("r", row.getRecordId()).setParameter("s", GRANT_SOURCE).executeUpdate();
    }

    private static void log(EntityManager em, CallContext ctx, PoolRecordEntity row, PoolLogEntry.Action action,
                            String holderUserId, String holderCompanyId, String reason, Instant now) {
        PoolLogEntity entry = new PoolLogEntity();
        entry.setId(Ids.newId());
        entry.setTenantId(row.getTenantId());
        entry.setObjectName(row.getObjectName());
        entry.setRecordId(row.getRecordId());
        entry.setPoolId(row.getPoolId());
        entry.setAction(action.name());
        entry.setActorUserId(ctx.isConsole() ? null : ctx.userId());
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
                      List<String> admins, List<String> hidden, ClaimRules rules) {

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
            if (!fields.contains(hidden.get(i))) {
                throw ApiException.badRequest("unknown_field", "hiddenUntilClaimed names no field of " + objectName
                    + "; it has " + String.join(", ", fields), "hiddenUntilClaimed[" + i + "]");
            }
        }
        ClaimRules rules = input.rules() == null ? ClaimRules.NONE : input.rules();
        positive(rules.dailyClaimLimit(), "rules.dailyClaimLimit");
        positive(rules.userHoldingCap(), "rules.userHoldingCap");
        positive(rules.companyHoldingCap(), "rules.companyHoldingCap");
        positive(rules.cooldownHours(), "rules.cooldownHours");
        return new Definition(name, objectName, input.mode() == null ? PoolMode.CLAIMABLE : input.mode(),
            Boolean.TRUE.equals(input.redistribution()), new ArrayList<>(new LinkedHashSet<>(members)),
            new ArrayList<>(new LinkedHashSet<>(admins)), hidden, rules);
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

    static Pool toDto(PoolEntity p, List<PoolMemberEntity> principals, boolean withPrincipals) {
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
                    members.add(new PoolMember(switch (m.getPrincipal().substring(0, 2)) {
                        case "C:" -> PoolMember.Kind.COMPANY;
                        case "R:" -> PoolMember.Kind.ROLE;
                        default -> PoolMember.Kind.USER;
                    }, id));
                }
            }
        }
        return new Pool(p.getId(), p.getName(), p.getObjectName(), PoolMode.valueOf(p.getMode()), p.isRedistribution(),
            members, admins, split(p.getHiddenFields()), new ClaimRules(p.getDailyClaimLimit(), p.getUserHoldingCap(),
            p.getCompanyHoldingCap(), p.isClosedCount(), p.getCooldownHours()), p.getCreatedAt(), p.getUpdatedAt(),
            p.getVersion());
    }

    static PooledRecord toDto(PoolRecordEntity r) {
        return new PooledRecord(r.getObjectName(), r.getRecordId(), r.getPoolId(), PooledRecord.State.valueOf(
            PoolRecordEntity.CLOSED.equals(r.getState()) ? "CLOSED" : r.getState()), r.getHolderUserId(),
            r.getHolderCompanyId(), r.getEnteredAt(), r.getHeldSince());
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
