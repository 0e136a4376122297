package org.openpartner.platform.api.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.lang.reflect.Field;
import java.lang.reflect.Member;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceUnitUtil;
import javax.persistence.TypedQuery;
import javax.persistence.metamodel.EntityType;

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
        List<Alternative> alternatives = new ArrayList<>();
        for (VisibilityFilter branch : branches) {
            alternatives.addAll(alternatives(em, branch));
        }
        String tail = from.substring(("select " + alias).length());
        List<SortKey> order = SortKey.parse(orderBy);
        if (DatabaseOrder.comparesLikeJava(em)) {
            return merged(em, entity, alias, from, tail, rest, alternatives, parameters, order, max);
        }
        // Each alternative answers ids only: selecting the entity beside its id made OpenJPA read the ids and order
        // columns and then load each row by itself (one statement per row, over 100 a page). The page's rows are
        // then read in one statement, in the list's order (the database's collation decides, as keyset paging needs).
        Set<Object> candidates = new LinkedHashSet<>();
        for (Alternative alternative : alternatives) {
            // The tenant stays written so that no index serves it, bound or not: given "tenantId = :t" and a bound,
            // PostgreSQL's generic plan walked the list's (tenant, name) index for a role's 20 holders, 300 ms a page.
            Object bound = alternative.manyKeys() ? ownBound(em, tail, rest, alternative, null, parameters, order.get(0), max) : null;
            Alternative asked = alternative.bounded(order.get(0), bound, false);
            candidates.addAll(query(em, Object.class, "select " + alias + ".id" + tail + asked.condition() + rest,
                asked.parameters(), parameters, max));
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
     * <p>
     * Once {@code max} candidates are known, the {@code max}-th of them bounds every later alternative by the first
     * sort key: the page's rows sort no later than it, so an alternative reads only the rows before it from its
     * index (a dealer whose company or public scope answered a page first reads almost nothing more for its rules,
     * teams and hierarchy), instead of reading and sorting every row it reaches for its first {@code max}.
     */
    private static <E> List<E> merged(EntityManager em, Class<E> entity, String alias, String from, String tail,
                                      String rest, List<Alternative> alternatives, Map<String, ?> parameters,
                                      List<SortKey> order, int max) {
        StringBuilder select = new StringBuilder("select ").append(alias).append(".id");
        for (SortKey key : order) {
            select.append(", ").append(key.expression());
        }
        Comparator<Object[]> comparator = SortKey.comparator(order);
        SortKey first = order.get(0);
        PersistenceUnitUtil ids = em.getEntityManagerFactory().getPersistenceUnitUtil();
        Function<E, Object[]> sortRow = sortRow(em, entity, alias, order, ids);
        Map<Object, Object[]> candidates = new HashMap<>();
        Map<Object, E> byId = new HashMap<>();
        Object bound = null;
        for (Alternative alternative : alternatives) {
            if (alternative.manyKeys()) {
                Object own = ownBound(em, tail, rest, alternative, bound, parameters, first, max);
                bound = own == null ? bound : own;
            }
            Alternative asked = alternative.bounded(first, bound, true);
            if (alternative.keys().isEmpty() && sortRow != null) {
                // Ownership and scope read the records' rows anyway (the list's index or the owner's): they answer
                // whole records, and a page they fill alone needs no second read by id (a public or company scope's).
                for (E row : query(em, entity, from + asked.condition() + rest, asked.parameters(), parameters, max)) {
                    Object[] keys = sortRow.apply(row);
                    candidates.putIfAbsent(keys[0], keys);
                    byId.putIfAbsent(keys[0], row);
                }
            } else {
                for (Object[] row : query(em, Object[].class, select + tail + asked.condition() + rest,
                    asked.parameters(), parameters, max)) {
                    candidates.putIfAbsent(row[0], row);
                }
            }
            if (candidates.size() >= max) {
                Object known = candidates.values().stream().sorted(comparator).skip(max - 1L).findFirst()
                    .map(row -> row[1]).orElse(null);
                bound = known != null && (bound == null || first.before(known, bound)) ? known : bound;
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Object> page = candidates.values().stream().sorted(comparator)
            .limit(max).map(row -> row[0]).toList();
        List<Object> unread = page.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!unread.isEmpty()) {
            for (E row : em.createQuery(from + alias + ".id in :" + CANDIDATES, entity)
                .setParameter(CANDIDATES, InLists.paddedWithoutBound(unread)).getResultList()) {
                byId.put(idOf(ids, row), row);
            }
        }
        // A row deleted between the two statements is left out, as if the page had been read a moment later.
        return page.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The record's id as the queries answer it: OpenJPA answers its own identity object for a single id attribute. */
    private static Object idOf(PersistenceUnitUtil ids, Object row) {
        Object id = ids.getIdentifier(row);
        return id instanceof OpenJPAId openJpa ? openJpa.getIdObject() : id;
    }

    /**
     * The row {@code select alias.id, <sort keys>} would answer, read from a loaded record; null when a sort key is
     * not one of the entity's own attributes ({@code w.partner.name}), whose value only a query reads, or not a
     * string or number (a time's Java type could differ from what a query answers, and the merge compares both).
     */
    private static <E> Function<E, Object[]> sortRow(EntityManager em, Class<E> entity, String alias,
                                                     List<SortKey> order, PersistenceUnitUtil ids) {
        List<Field> fields = new ArrayList<>();
        EntityType<E> type = em.getMetamodel().entity(entity);
        for (SortKey key : order) {
            String attribute = key.expression().startsWith(alias + ".") ? key.expression().substring(alias.length() + 1) : "";
            Member member;
            try {
                member = attribute.isEmpty() || attribute.contains(".") ? null
                    : type.getAttribute(attribute).getJavaMember();
            } catch (IllegalArgumentException noSuchAttribute) {
                member = null;
            }
            if (!(member instanceof Field field) || !(field.getType() == String.class || field.getType().isPrimitive()
                || Number.class.isAssignableFrom(field.getType())) || !field.trySetAccessible()) {
                return null;
            }
            fields.add(field);
        }
        return row -> {
            Object[] values = new Object[fields.size() + 1];
            values[0] = idOf(ids, row);
            for (int i = 0; i < fields.size(); i++) {
                if (!ids.isLoaded(row, fields.get(i).getName())) {
                    // Sort keys are basic attributes of the default fetch group; a lazy one would read as null here.
                    throw new IllegalStateException("a list's sort key must not be fetched lazily: " + fields.get(i));
                }
                try {
                    values[i + 1] = fields.get(i).get(row);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + fields.get(i), e);
                }
            }
            return values;
        };
    }

    /**
     * A bound for an alternative with many keys (a distributor's hundred descendant companies), which reaches many
     * rows: any few of its keys reach rows of the alternative too, so the page's rows sort no later than the
     * {@code max}-th row of those few. That row's first sort key, or null when the few keys have fewer rows (before
     * {@code known}, a bound already known, when there is one). Its cost is the few keys' rows.
     */
    private static Object ownBound(EntityManager em, String tail, String rest, Alternative alternative, Object known,
                                   Map<String, ?> parameters, SortKey first, int max) {
        Alternative asked = alternative.few(Integer.getInteger(BOUNDING_KEYS, 8)).bounded(first, known, true);
        List<Object> bound = query(em, Object.class, "select " + first.expression() + tail + asked.condition() + rest,
            asked.parameters(), parameters, max - 1, 1);
        return bound.isEmpty() ? null : bound.get(0);
    }

    /**
     * The alternatives that answer one branch of the filter: itself, or for one whose keys are looked up first, one
     * per chunk of its keys (none when it has none) without the records it excludes, or itself again when there are
     * too many keys or exclusions to list.
     */
    private static List<Alternative> alternatives(EntityManager em, VisibilityFilter branch) {
        VisibilityFilter.Keys keys = branch.keys();
        if (keys == null) {
            return List.of(Alternative.of(branch));
        }
        List<Object> found = new ArrayList<>(new LinkedHashSet<>(query(em, Object.class, keys.query(),
            branch.parameters(), null, MAX_KEYS + 1)));
        found.removeIf(Objects::isNull);
        if (found.isEmpty()) {
            return List.of();
        }
        if (found.size() > MAX_KEYS) {
            return List.of(Alternative.of(branch));
        }
        String condition = " and " + keys.attribute() + " in :" + KEYS;
        Map<String, Object> parameters = new HashMap<>(branch.parameters());
        if (keys.excluded() != null) {
            List<Object> excluded = new ArrayList<>(new LinkedHashSet<>(query(em, Object.class, keys.excluded(),
                branch.parameters(), null, InLists.CHUNK + 1)));
            if (excluded.size() > InLists.CHUNK) {
                return List.of(Alternative.of(branch));
            }
            if (!excluded.isEmpty()) {
                String id = keys.attribute().substring(0, keys.attribute().indexOf('.')) + ".id";
                condition += " and " + id + " not in :" + EXCLUDED;
                parameters.put(EXCLUDED, InLists.padded(excluded));
            }
        }
        List<Alternative> chunks = new ArrayList<>();
        for (int from = 0; from < found.size(); from += InLists.CHUNK) {
            List<Object> chunk = found.subList(from, Math.min(found.size(), from + InLists.CHUNK));
            Map<String, Object> withKeys = new HashMap<>(parameters);
            withKeys.put(KEYS, InLists.padded(chunk));
            chunks.add(new Alternative("(" + keys.tenant() + condition + ")",
                "(" + keys.tenantIndexed() + condition + ")", withKeys, chunk));
        }
        return chunks;
    }

    /**
     * One alternative as asked: its condition and parameters, for a keyed one also the same condition with the tenant
     * written for an index ({@code indexed}, used once a bound is added) and its keys.
     */
    private record Alternative(String condition, String indexed, Map<String, Object> parameters, List<Object> keys) {

        static Alternative of(VisibilityFilter branch) {
            String condition = "(" + branch.jpql() + ")";
            return new Alternative(condition, condition, branch.parameters(), List.of());
        }

        /** Whether it has so many keys that a few of them are asked for a bound first. */
        boolean manyKeys() {
            return keys.size() > Integer.getInteger(BOUNDED_BEYOND, 16);
        }

        /** The same alternative with only its first {@code few} keys. */
        Alternative few(int few) {
            List<Object> first = keys.subList(0, Math.min(few, keys.size()));
            Map<String, Object> withFew = new HashMap<>(parameters);
            withFew.put(KEYS, InLists.padded(first));
            return new Alternative(condition, indexed, withFew, first);
        }

        /**
         * Without the rows that sort after {@code bound} by the first sort key (ties stay: later keys decide them).
         * A null bound cuts nothing: nulls sort above every value, so after it only nulls sort ascending, and
         * descending everything does. With {@code indexedTenant}, the keys' index serves the tenant too, so that it
         * starts and stops each key's range at the tenant and the bound (Derby, whose plans keep to the keys' index).
         */
        Alternative bounded(SortKey first, Object bound, boolean indexedTenant) {
            if (bound == null) {
                return this;
            }
            String cut = first.descending()
                ? "(" + first.expression() + " >= :" + BOUND + " or " + first.expression() + " is null)"
                : first.expression() + " <= :" + BOUND;
            Map<String, Object> withBound = new HashMap<>(parameters);
            withBound.put(BOUND, bound);
            return new Alternative("(" + (indexedTenant ? indexed : condition) + " and " + cut + ")", indexed,
                withBound, keys);
        }
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
