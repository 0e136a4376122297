package org.openpartner.platform.api.access;

import java.util.Map;
import java.util.Objects;

import javax.persistence.Query;

/**
 * A condition for a JPQL {@code where} clause that keeps the records a caller may read (or write), with its
 * parameters: the database filters, so lists, counts, exports and aggregates are all cut the same way and no
 * record is loaded only to be dropped. Parameter names start with {@code opAcc}; don't use that prefix.
 *
 * <pre>{@code
 * VisibilityFilter visible = access.visibleFilter(ctx, "lead", "l", RecordAccess.READ);
 * TypedQuery<LeadEntity> q = em.createQuery("select l from LeadEntity l where l.status = :s and "
 *     + visible.jpql(), LeadEntity.class).setParameter("s", status);
 * visible.bind(q);
 * }</pre>
 */
public record VisibilityFilter(String jpql, Map<String, Object> parameters) {

    public VisibilityFilter {
        Objects.requireNonNull(jpql, "jpql");
        parameters = Map.copyOf(parameters);
    }

    /** Sets the filter's parameters on a query built with {@link #jpql()}. */
    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
