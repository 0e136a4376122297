package org.openpartner.platform.api.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceUnitUtil;
import javax.persistence.TypedQuery;

import org.apache.openjpa.util.OpenJPAId;
import org.openpartner.platform.api.jpa.InLists;

/**
 * The first rows of a list a caller may read, in the list's order, for a page. The filter's one condition ("the
 * caller owns it, or its company does, or a grant, rule or parent partner gives it") leaves a database one plan on a
 * large table: walk the list's order and test each record, a scan for a caller who reaches few records (Derby
 * combines no indexes for an OR of columns, and PostgreSQL none for an OR with subqueries). So each of the filter's
 * {@link VisibilityFilter#alternatives() alternatives} is asked on its own, from its own index, for its first
 * {@code max} rows, and their union is ordered for the page. That is the same page: the first {@code max} rows of a
 * union are among the first {@code max} rows of its parts. On Derby, whose order Java reproduces, the alternatives
 * answer their sort keys and Java merges them; elsewhere the database orders the union with its own collation, as it
 * would the one query (keyset paging needs exactly the database's order).
 */
public final class VisibleRows {

    private static final String CANDIDATES = "opAccCandidates";
    private static final String KEYS = "opAccKeys";
    private static final String EXCLUDED = "opAccExcluded";
    private static final String BOUND = "opAccBound";
    /**
     * System properties: an alternative with more keys than {@code openpartner.access.boundedBeyond} (16) is bounded
     * by the rows of its first {@code openpartner.access.boundingKeys} (8). Settings for tuning and for tests that
     * make every keyed alternative bounded.
     */
    static final String BOUNDED_BEYOND = "openpartner.access.boundedBeyond";
    static final String BOUNDING_KEYS = "openpartner.access.boundingKeys";
    /** The most keys an alternative lists; beyond, its correlated condition runs (a rule over a large role). */
    private static final int MAX_KEYS = 4 * InLists.CHUNK;

    private VisibleRows() {
    }

    /**
     * {@code select alias from Entity alias where <visible> and (<where>) order by <orderBy>}, its first {@code max}
     * rows. The entity's identifier is the attribute {@code id}; {@code orderBy} must end in it (a total order, as
     * keyset paging needs anyway).
     *
     * @param where      further conditions on {@code alias} (filters, the keyset cursor), or null
     * @param parameters the parameters of {@code where}
     */
    public static <E> List<E> first(EntityManager em, Class<E> entity, String alias, VisibilityFilter visible,
                                    String where, Map<String, ?> parameters, String orderBy, int max) {
        String from = "select " + alias + " from " + em.getMetamodel().entity(entity).getName() + " " + alias + " where ";
        String rest = (where == null || where.isBlank() ? "" : " and (" + where + ")") + " order by " + orderBy;
        List<VisibilityFilter> branches = visible.branches();
        if (branches.size() == 1) {
            return query(em, entity, from + visible.jpql() + rest, visible.parameters(), parameters, max);
        }
        List<Map.Entry<String, Map<String, Object>>> conditions = new ArrayList<>();
        for (VisibilityFilter branch : branches) {
            conditions.addAll(conditions(em, branch));
        }
        String tail = from.substring(("select " + alias).length());
        List<SortKey> order = SortKey.parse(orderBy);
        conditions = bounded(em, tail, rest, conditions, parameters, order.get(0), max);
        if (DatabaseOrder.comparesLikeJava(em)) {
            return merged(em, entity, alias, from, tail, rest, conditions, parameters, order, max);
        }
        // Each alternative answers ids only: selecting the entity beside its id made OpenJPA read the ids and order
        // columns and then load each row by itself (one statement per row, over 100 a page). The page's rows are
        // then read in one statement, in the list's order (the database's collation decides, as keyset paging needs).
        Set<Object> candidates = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, Object>> condition : conditions) {
            candidates.addAll(query(em, Object.class, "select " + alias + ".id" + tail + condition.getKey() + rest,
                condition.getValue(), parameters, max));
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        // One SQL text per power of two, not per count: the statement stays prepared.
        return em.createQuery(from + alias + ".id in :" + CANDIDATES + " order by " + orderBy, entity)
            .setParameter(CANDIDATES, InLists.paddedWithoutBound(candidates)).setMaxResults(max).getResultList();
    }

    /**
     * The page where Java orders values as the database does: each alternative answers its rows' ids and sort keys
     * (from its covering index), Java merges them, and only the page's rows are read, by id. Asking the database to
     * order the union instead read and sorted every candidate row again, half of a dealer's list.
     */
    private static <E> List<E> merged(EntityManager em, Class<E> entity, String alias, String from, String tail,
                                      String rest, List<Map.Entry<String, Map<String, Object>>> conditions,
                                      Map<String, ?> parameters, List<SortKey> order, int max) {
        StringBuilder select = new StringBuilder("select ").append(alias).append(".id");
        for (SortKey key : order) {
            select.append(", ").append(key.expression());
        }
        Map<Object, Object[]> candidates = new HashMap<>();
        for (Map.Entry<String, Map<String, Object>> condition : conditions) {
            for (Object[] row : query(em, Object[].class, select + tail + condition.getKey() + rest,
                condition.getValue(), parameters, max)) {
                candidates.putIfAbsent(row[0], row);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Object> page = candidates.values().stream().sorted(SortKey.comparator(order))
            .limit(max).map(row -> row[0]).toList();
        Map<Object, E> byId = new HashMap<>();
        PersistenceUnitUtil ids = em.getEntityManagerFactory().getPersistenceUnitUtil();
        for (E row : em.createQuery(from + alias + ".id in :" + CANDIDATES, entity)
            .setParameter(CANDIDATES, InLists.paddedWithoutBound(page)).getResultList()) {
            // OpenJPA answers its own identity object (StringId, LongId ...) for a single id attribute.
            Object id = ids.getIdentifier(row);
            byId.put(id instanceof OpenJPAId openJpa ? openJpa.getIdObject() : id, row);
        }
        // A row deleted between the two statements is left out, as if the page had been read a moment later.
        return page.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * The conditions, those of an alternative with many keys cut to the rows that can be on the page. Such an
     * alternative (a distributor's hundred descendant companies) reaches many rows, and the database reads and sorts
     * all of them for its first {@code max}. Any few of its keys reach rows of the alternative too, so the page's rows
     * sort no later than the {@code max}-th row of those few: that row's first sort key bounds the condition, which
     * then reads only the rows before it from each key's index range. Its cost is the few keys' rows; without
     * {@code max} rows among them there is no bound.
     */
    private static List<Map.Entry<String, Map<String, Object>>> bounded(
        EntityManager em, String tail, String rest, List<Map.Entry<String, Map<String, Object>>> conditions,
        Map<String, ?> parameters, SortKey first, int max) {
        List<Map.Entry<String, Map<String, Object>>> bounded = new ArrayList<>(conditions.size());
        for (Map.Entry<String, Map<String, Object>> condition : conditions) {
            Object keys = condition.getValue().get(KEYS);
            Set<Object> distinct = keys instanceof List<?> list ? new LinkedHashSet<>(list) : Set.of();
            if (distinct.size() <= Integer.getInteger(BOUNDED_BEYOND, 16)) {
                bounded.add(condition);
                continue;
            }
            Map<String, Object> few = new HashMap<>(condition.getValue());
            few.put(KEYS, InLists.padded(distinct.stream().limit(Integer.getInteger(BOUNDING_KEYS, 8)).toList()));
            List<Object> bound = query(em, Object.class, "select " + first.expression() + tail + condition.getKey()
                + rest, few, parameters, max - 1, 1);
            if (bound.isEmpty() || bound.get(0) == null) {
                bounded.add(condition);
                continue;
            }
            // Nulls sort above every value: after the bound ascending, before it descending.
            String cut = first.descending()
                ? "(" + first.expression() + " >= :" + BOUND + " or " + first.expression() + " is null)"
                : first.expression() + " <= :" + BOUND;
            Map<String, Object> withBound = new HashMap<>(condition.getValue());
            withBound.put(BOUND, bound.get(0));
            bounded.add(Map.entry("(" + condition.getKey() + " and " + cut + ")", withBound));
        }
        return bounded;
    }

    /**
     * The conditions that answer one alternative: itself, or for one whose keys are looked up first, one per chunk of
     * its keys (none when it has none) without the records it excludes, or itself again when there are too many
     * keys or exclusions to list.
     */
    private static List<Map.Entry<String, Map<String, Object>>> conditions(EntityManager em, VisibilityFilter branch) {
        VisibilityFilter.Keys keys = branch.keys();
        if (keys == null) {
            return List.of(Map.entry("(" + branch.jpql() + ")", branch.parameters()));
        }
        List<Object> found = new ArrayList<>(new LinkedHashSet<>(query(em, Object.class, keys.query(),
            branch.parameters(), null, MAX_KEYS + 1)));
        found.removeIf(Objects::isNull);
        if (found.isEmpty()) {
            return List.of();
        }
        if (found.size() > MAX_KEYS) {
            return List.of(Map.entry("(" + branch.jpql() + ")", branch.parameters()));
        }
        String condition = "(" + keys.tenant() + " and " + keys.attribute() + " in :" + KEYS;
        Map<String, Object> parameters = new HashMap<>(branch.parameters());
        if (keys.excluded() != null) {
            List<Object> excluded = new ArrayList<>(new LinkedHashSet<>(query(em, Object.class, keys.excluded(),
                branch.parameters(), null, InLists.CHUNK + 1)));
            if (excluded.size() > InLists.CHUNK) {
                return List.of(Map.entry("(" + branch.jpql() + ")", branch.parameters()));
            }
            if (!excluded.isEmpty()) {
                String id = keys.attribute().substring(0, keys.attribute().indexOf('.')) + ".id";
                condition += " and " + id + " not in :" + EXCLUDED;
                parameters.put(EXCLUDED, InLists.padded(excluded));
            }
        }
        condition += ")";
        List<Map.Entry<String, Map<String, Object>>> chunks = new ArrayList<>();
        for (int from = 0; from < found.size(); from += InLists.CHUNK) {
            Map<String, Object> chunk = new HashMap<>(parameters);
            chunk.put(KEYS, InLists.padded(found.subList(from, Math.min(found.size(), from + InLists.CHUNK))));
            chunks.add(Map.entry(condition, chunk));
        }
        return chunks;
    }

    /** Runs the query with those of the parameters it names (an alternative's keys query names only some). */
    private static <E> List<E> query(EntityManager em, Class<E> entity, String jpql, Map<String, Object> filter,
                                     Map<String, ?> parameters, int max) {
        return query(em, entity, jpql, filter, parameters, 0, max);
    }

    private static <E> List<E> query(EntityManager em, Class<E> entity, String jpql, Map<String, Object> filter,
                                     Map<String, ?> parameters, int skip, int max) {
        TypedQuery<E> query = em.createQuery(jpql, entity);
        filter.forEach((name, value) -> {
            if (names(jpql, name)) {
                query.setParameter(name, value);
            }
        });
        if (parameters != null) {
            parameters.forEach(query::setParameter);
        }
        return query.setFirstResult(skip).setMaxResults(max).getResultList();
    }

    /** Whether the query has the parameter {@code :name} (not merely one whose name starts with it). */
    private static boolean names(String jpql, String name) {
        String parameter = ":" + name;
        for (int at = jpql.indexOf(parameter); at >= 0; at = jpql.indexOf(parameter, at + 1)) {
            int after = at + parameter.length();
            if (after == jpql.length() || !Character.isJavaIdentifierPart(jpql.charAt(after))) {
                return true;
            }
        }
        return false;
    }
}
