package org.openpartner.platform.internal.tx;

import javax.persistence.EntityManagerFactory;

import org.apache.openjpa.jdbc.conf.JDBCConfiguration;
import org.apache.openjpa.jdbc.sql.DBDictionary;
import org.apache.openjpa.jdbc.sql.DerbyDictionary;
import org.apache.openjpa.persistence.OpenJPAEntityManagerFactorySPI;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets OpenJPA write JPQL bulk updates on Derby as {@code UPDATE T t0 SET … WHERE …}. Its Derby dictionary
 * disallows the alias and writes {@code … WHERE ID IN (SELECT …)} instead, which Derby runs as a table scan per
 * statement, so every conditional update (claims, a partner's connection, an import's cursor) slowed down with
 * the table. Derby 10.14 accepts the alias; PostgreSQL does not (it refuses a qualified column in SET), so this
 * cannot be a persistence.xml property: it is set on each unit's dictionary once the database is known.
 */
@Component(immediate = true)
public class DerbyBulkUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyBulkUpdates.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
               policyOption = ReferencePolicyOption.GREEDY)
    void addUnit(EntityManagerFactory emf) {
        OpenJPAEntityManagerFactorySPI openjpa;
        try {
            openjpa = emf.unwrap(OpenJPAEntityManagerFactorySPI.class);
        } catch (RuntimeException notOpenJpa) {
            LOG.debug("Persistence unit {} is not OpenJPA's; left as it is", emf, notOpenJpa);
            return;
        }
        if (openjpa.getConfiguration() instanceof JDBCConfiguration jdbc) {
            DBDictionary dictionary = jdbc.getDBDictionaryInstance();
            if (dictionary instanceof DerbyDictionary && !dictionary.allowsAliasInBulkClause) {
                dictionary.allowsAliasInBulkClause = true;
                LOG.info("Derby: JPQL bulk updates of persistence unit {} use a table alias", jdbc.getId());
            }
        }
    }

    /** Dynamic references need an unbind method; the setting leaves with the factory, so there is nothing to undo. */
    void removeUnit(EntityManagerFactory emf) {
    }
}
