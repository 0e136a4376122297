package org.openpartner.pools.api.spi;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.Query;

/**
 * The usual {@link PoolableObject#place}: one native statement on the object's table that sets its owner columns
 * ({@code OWNER_USER_ID}, {@code OWNER_COMPANY_ID}), {@code POOL_ID} and {@code UPDATED_AT}, moves its
 * {@code VERSION} (so that an edit begun before fails), and sets whatever else the object keeps with it (a status).
 * One row by key, in the pool engine's unit of work.
 */
public final class Placement {

    private Placement() {
    }

    /**
     * @param table  the object's table
     * @param alsoSet further columns and their values (none null), in the order given
     * @return the rows changed (0: no such record of the tenant)
     */
    public static int update(EntityManager em, String table, String tenantId, String recordId, String poolId,
                             String userId, String companyId, Map<String, ?> alsoSet) {
        return update(em, table, tenantId, recordId, poolId, userId, companyId, alsoSet, Map.of());
    }

    /**
     * The same, on the row only while none of the {@code notIn} columns holds one of its values (a closed status): a
     * record closed by a change that committed after the engine read it is left as it is, and 0 rows answer.
     *
     * @param notIn columns and the values that keep the row as it is (constants of the object, none null)
     * @since 1.3
     */
    public static int update(EntityManager em, String table, String tenantId, String recordId, String poolId,
                             String userId, String companyId, Map<String, ?> alsoSet,
                             Map<String, ? extends Collection<?>> notIn) {
        // A null goes into the statement as NULL: Derby takes no untyped null parameter.
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET OWNER_USER_ID = ")
            .append(parameter(values, userId)).append(", OWNER_COMPANY_ID = ").append(parameter(values, companyId))
            .append(", POOL_ID = ").append(parameter(values, poolId));
        alsoSet.forEach((column, value) -> sql.append(", ").append(column).append(" = ").append(parameter(values, value)));
        sql.append(", UPDATED_AT = ").append(parameter(values, Timestamp.from(Instant.now())))
            .append(", VERSION = VERSION + 1 WHERE ID = ").append(parameter(values, recordId))
            .append(" AND TENANT_ID = ").append(parameter(values, tenantId));
        notIn.forEach((column, excluded) -> {
            if (!excluded.isEmpty()) {
                sql.append(" AND ").append(column).append(" NOT IN (");
                excluded.forEach(value -> sql.append(parameter(values, value)).append(", "));
                sql.setLength(sql.length() - 2);
                sql.append(')');
            }
        });
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query.executeUpdate();
    }

    private static String parameter(List<Object> values, Object value) {
        if (value == null) {
            return "NULL";
        }
        values.add(value);
        return "?" + values.size();
    }
}
