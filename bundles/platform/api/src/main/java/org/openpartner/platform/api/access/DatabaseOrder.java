package org.openpartner.platform.api.access;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.openjpa.jdbc.conf.JDBCConfiguration;
import org.apache.openjpa.jdbc.sql.DerbyDictionary;
import org.apache.openjpa.persistence.OpenJPAEntityManagerSPI;

/**
 * Whether {@link SortKey#comparator} orders rows exactly as the unit's database does. True for Derby, whose databases
 * OpenPartner creates with the default UCS_BASIC collation (a database created with {@code collation=TERRITORY_BASED}
 * is not supported). Not for PostgreSQL: its order follows the database's locale, which only it knows.
 */
final class DatabaseOrder {

    private DatabaseOrder() {
    }

    static boolean comparesLikeJava(EntityManager em) {
        try {
            return em.unwrap(OpenJPAEntityManagerSPI.class).getConfiguration() instanceof JDBCConfiguration jdbc
                && jdbc.getDBDictionaryInstance() instanceof DerbyDictionary;
        } catch (PersistenceException notOpenJpa) {
            return false;
        }
    }
}
