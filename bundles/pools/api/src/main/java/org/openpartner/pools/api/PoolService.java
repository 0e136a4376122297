package org.openpartner.pools.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.openpartner.platform.api.CallContext;
import org.openpartner.pools.api.dto.Assignment;
import org.openpartner.pools.api.dto.BulkAssignment;
import org.openpartner.pools.api.dto.BulkMove;
import org.openpartner.pools.api.dto.Decline;
import org.openpartner.pools.api.dto.Distribution;
import org.openpartner.pools.api.dto.DistributionRule;
import org.openpartner.pools.api.dto.Move;
import org.openpartner.pools.api.dto.Pool;
import org.openpartner.pools.api.dto.PoolInput;
import org.openpartner.pools.api.dto.PoolLogEntry;
import org.openpartner.pools.api.dto.PooledRecord;
import org.openpartner.pools.api.dto.Reason;
import org.openpartner.pools.api.dto.RecycleRules;
import org.openpartner.pools.api.dto.RecordOutcome;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Pools of one upstream (SPEC S6, S7): defined by its channel staff; records enter them, members claim and return
 * them within the pool's limits, admins assign and move them. Every claim, assignment and return is decided by one
 * conditional statement per limit in one transaction, so two users never hold one record and no limit is exceeded,
 * whatever the interleaving and however many nodes share the database. Every movement is logged with its reason.
 */
@ProviderType
public interface PoolService {

    Pool create(CallContext ctx, PoolInput input);

    /** Replaces the pool's definition (all fields; its object stays). */
    Pool update(CallContext ctx, String poolId, PoolInput input);

    /** A pool the caller may see: staff every pool of their tenant, others the pools they belong to. */
    Pool get(CallContext ctx, String poolId);

    List<Pool> list(CallContext ctx);

    /** Deletes an empty pool; 409 {@code pool_not_empty} while records are in it. */
    void delete(CallContext ctx, String poolId);

    /**
     * Puts a record into a pool, from no pool or from another one (a held record is taken from its holder): the
     * upstream's staff, or an admin of the target pool.
     */
    PooledRecord put(CallContext ctx, String object, String recordId, Move move);

    /** A downstream user hands a record it may change to the upstream: it enters the object's redistribution pool. */
    PooledRecord submit(CallContext ctx, String object, String recordId, Reason reason);

    /** The caller claims a waiting record of a pool it belongs to. */
    PooledRecord claim(CallContext ctx, String object, String recordId);

    /** The record's holder gives it back to its pool, with a reason. */
    PooledRecord giveBack(CallContext ctx, String object, String recordId, Reason reason);

    /**
     * The holder takes on a record a distribution rule or an admin handed to it (a claimed record is accepted by its
     * claim). 409 {@code not_held} for anyone but the holder, {@code already_accepted} the second time.
     */
    PooledRecord accept(CallContext ctx, String object, String recordId);

    /**
     * The holder turns down a record handed to it and not yet accepted, with a reason; the record waits in its pool
     * again and the pool's rules route it onward, passing over the holder (or, {@code forCompany}, every user of the
     * holder's company) for this record from now on. An administrator of the holder's company may decline for the
     * company. 409 {@code not_held}, {@code already_accepted} (give it back instead).
     */
    PooledRecord decline(CallContext ctx, String object, String recordId, Decline decline);

    /** An admin of the record's pool (or the upstream's staff) assigns it to a user. */
    PooledRecord assign(CallContext ctx, String object, String recordId, Assignment assignment);

    /** Where a record the caller may read stands in its pool; empty when it is in none. */
    Optional<PooledRecord> where(CallContext ctx, String object, String recordId);

    /** The record's movements, oldest first: for the upstream's staff and the pool's admins. */
    List<PoolLogEntry> history(CallContext ctx, String object, String recordId);

    /** The fields of the pool's waiting records the caller may not see until it holds one; none for admins. */
    Set<String> hiddenUntilClaimed(CallContext ctx, String poolId);

    /**
     * The object closed the record (converted, won): it leaves circulation, and its holder's holding counts go down
     * unless the pool counts closed records. Called by the object's bundle inside its own change's unit of work.
     */
    void closed(CallContext ctx, String object, String recordId);

    /** The object deleted the record: its pool entry goes, and the holding it counted. Called like {@link #closed}. */
    void removed(CallContext ctx, String object, String recordId);

    /** The pool's distribution rules in their order: the upstream's staff and the pool's admins. */
    List<DistributionRule> rules(CallContext ctx, String poolId);

    /**
     * Replaces the pool's distribution rules (staff only): given ids keep their rule's round-robin turns, rules left
     * out are deleted. Applies to records that enter the pool from then on.
     */
    List<DistributionRule> replaceRules(CallContext ctx, String poolId, List<DistributionRule> rules);

    /**
     * Why the record went where it did when it last entered a pool (the rules, the strategy's state, the choice);
     * empty when no distribution was recorded for it. For the upstream's staff and the admins of that pool.
     */
    Optional<Distribution> explain(CallContext ctx, String object, String recordId);

    /**
     * Assigns records of the pool to one user (staff and the pool's admins), each record on its own as {@link
     * #assign} would: one refused (a cap reached, not in this pool) leaves the others done. In the given order.
     */
    List<RecordOutcome> assignAll(CallContext ctx, String poolId, BulkAssignment assignment);

    /**
     * Recycles now, for the caller's tenant (staff and the console), every held record its pool's {@link
     * RecycleRules} say is due, as the scheduled sweep does; each one in its own transaction, by a conditional
     * statement on its holding, so a sweep of another node or a return at the same time changes it once. Recycled
     * records go to the rules' pool, whose distribution rules then apply. The records recycled, in no set order.
     */
    List<PooledRecord> recycleNow(CallContext ctx);

    /** Moves records of the pool into another pool, each on its own as {@link #put} would. In the given order. */
    List<RecordOutcome> moveAll(CallContext ctx, String poolId, BulkMove move);
}
