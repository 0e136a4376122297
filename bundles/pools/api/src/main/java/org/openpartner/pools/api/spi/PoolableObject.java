package org.openpartner.pools.api.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An object whose records may sit in pools, published by the object's bundle as a service. The engine decides who
 * holds a pooled record with its own conditional statements; the object then only records the outcome on its record
 * ({@link #place}), so an add-on object gets pools without knowing how claims are arbitrated.
 */
@ConsumerType
public interface PoolableObject {

    /** The object's name, as registered with the access model. */
    String objectName();

    /** The record as a pool sees it; empty when the tenant has no such record. */
    Optional<Candidate> candidate(String tenantId, String recordId);

    /**
     * Records where the record now stands: in {@code poolId} (null once it left every pool), held by {@code userId}
     * of {@code companyId} (the company null for the upstream's employees), or by no one while it waits ({@code
     * userId} null). Called inside the engine's unit of work after its own statements decided, so it must write
     * through the object's persistence unit (its {@code Transactions}), which joins that unit; it does not check
     * access again. A record that closed after the engine read it (a conversion committed meanwhile) is not reopened:
     * the object throws (409 {@code record_closed}) and the engine's unit rolls back.
     */
    void place(String tenantId, String recordId, String poolId, String userId, String companyId);

    /**
     * The record's field values that distribution rules test (by the field names registered with the access model),
     * as text; empty values may be left out. The default offers none, so conditions on fields never hold.
     *
     * @since 1.1
     */
    default Map<String, String> values(String tenantId, String recordId) {
        return Map.of();
    }

    /**
     * The last activity (follow-up) on each of these records that has one, for recycle rules; records left out
     * count from their claim. The default knows of none.
     *
     * @since 1.1
     */
    default Map<String, Instant> lastActivity(String tenantId, Collection<String> recordIds) {
        return Map.of();
    }

    /**
     * Refuses a caller who may not work with the object's records at all, whatever its permissions (an external user
     * whose company has not enabled the app that brings the object), with the object's own 403. The engine asks it
     * before any action on a record and leaves the object's pools out of such a caller's pool list. The default
     * refuses no one.
     *
     * @since 1.3
     */
    default void requireAvailable(CallContext ctx) {
    }

    /**
     * A record's owner and whether it is closed (converted, won, invalid), which no pool takes.
     */
    record Candidate(String recordId, String ownerUserId, String ownerCompanyId, boolean closed) {
    }
}
