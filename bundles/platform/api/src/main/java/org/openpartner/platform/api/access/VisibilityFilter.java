package org.openpartner.platform.api.access;

import java.util.List;
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
 * For a page of a list, use {@link VisibleRows}: it runs the filter's {@link #alternatives()} one by one.
 *
 * @param jpql         the whole condition
 * @param parameters   its parameters
 * @param alternatives conditions (each with its own parameters) whose disjunction is {@code jpql}, each of which
 *                     a database can answer from one index; empty when {@code jpql} is one such condition
 * @param keys         for an alternative: the same condition as a lookup of keys first, or null
 */
public record VisibilityFilter(String jpql, Map<String, Object> parameters, List<VisibilityFilter> alternatives,
                               Keys keys) {

    /**
     * An alternative "{@code attribute in (query)} and the record's id is not in {@code excluded}" whose queries do
     * not refer to the record: its keys (owner companies, owner users, record ids) can be read first and given to
     * the record query as a list, which a database answers from the attribute's index. Written as {@code jpql}
     * (correlated subqueries), the same condition leaves Derby one plan, a scan of the records testing each.
     *
     * @param attribute the record's attribute the keys are values of, with the alias ({@code w.ownerCompanyId})
     * @param query     the JPQL query of the keys, with the filter's parameters
     * @param tenant    the condition on the record's tenant, written so that no index serves it (the keys' must)
     * @param excluded  the JPQL query of the ids of records the alternative leaves out, or null
     * @param tenantIndexed the same condition written so that an index may serve it ({@code w.tenantId = :t}), for
     *                  the alternative bounded by the list's first sort key on Derby: the keys' index (key, tenant,
     *                  sort key) then starts and stops each key's range at the tenant and the bound, instead of
     *                  reading every row of the key (all 11,100 records of a distributor's tree for a page).
     *                  PostgreSQL's generic plan walked the list's own index with it, so there it is not used
     */
    public record Keys(String attribute, String query, String tenant, String excluded, String tenantIndexed) {
        public Keys {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(tenantIndexed, "tenantIndexed");
        }

        /** Keys whose tenant condition stays the one no index serves, bounded or not. */
        public Keys(String attribute, String query, String tenant, String excluded) {
            this(attribute, query, tenant, excluded, tenant);
        }
    }

    public VisibilityFilter {
        Objects.requireNonNull(jpql, "jpql");
        parameters = Map.copyOf(parameters);
        alternatives = List.copyOf(alternatives);
        if (alternatives.stream().anyMatch(a -> !a.alternatives().isEmpty())) {
            throw new IllegalArgumentException("an alternative has no alternatives of its own");
        }
    }

    /** A filter that is one condition. */
    public VisibilityFilter(String jpql, Map<String, Object> parameters) {
        this(jpql, parameters, List.of(), null);
    }

    /** A filter with alternatives. */
    public VisibilityFilter(String jpql, Map<String, Object> parameters, List<VisibilityFilter> alternatives) {
        this(jpql, parameters, alternatives, null);
    }

    /**
     * The conditions a record may meet to pass: the filter itself when it is one condition, else its
     * alternatives. A record passes the filter if and only if it meets at least one of them.
     */
    public List<VisibilityFilter> branches() {
        return alternatives.isEmpty() ? List.of(this) : alternatives;
    }

    /** Sets the filter's parameters on a query built with {@link #jpql()}. */
    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
