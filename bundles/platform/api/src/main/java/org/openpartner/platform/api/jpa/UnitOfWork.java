package org.openpartner.platform.api.jpa;

import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes the work of several persistence units one database transaction. Every capability keeps its own
 * persistence unit (and its own {@link Transactions}); all of them sit on the data source
 * {@code osgi.jndi.service.name=openpartner-tx}, which hands every transaction started on this thread inside
 * {@link #inUnit} the same connection and commits it once, at the end. A failure anywhere rolls back everything
 * the unit wrote: a connection made across the partner, interconnection and platform units is never half-written.
 */
@ProviderType
public interface UnitOfWork {

    /** The JNDI service name of the unit-aware data source that persistence units name in their persistence.xml. */
    String DATA_SOURCE_NAME = "openpartner-tx";

    /**
     * Runs {@code work} in one database transaction; a nested call joins the outer one. Commits when {@code work}
     * returns normally and no transaction inside it rolled back; otherwise rolls back and rethrows.
     */
    <T> T inUnit(Supplier<T> work);

    /** Whether the calling thread is inside {@link #inUnit}. */
    boolean inUnit();
}
