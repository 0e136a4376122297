package org.openpartner.access.internal;

import java.util.List;

import javax.persistence.EntityManager;

import org.openpartner.access.internal.jpa.DataScopeEntity;
import org.openpartner.platform.api.access.DataScope;

/** Reads the stored data scopes. */
final class ScopeStore {

    private ScopeStore() {
    }

    /** The company's own scope, else the tenant's default, else private: one indexed query. */
    static DataScope scopeOf(EntityManager em, String tenantId, String object, String companyId) {
        DataScope fallback = DataScope.PRIVATE;
        for (DataScopeEntity row : em.createQuery("select s from DataScopeEntity s where s.tenantId = :t "
                + "and s.objectName = :o and s.companyId in :companies", DataScopeEntity.class)
            .setParameter("t", tenantId).setParameter("o", object)
            .setParameter("companies", List.of(DataScopeEntity.ALL_COMPANIES, companyId)).getResultList()) {
            DataScope scope = DataScope.valueOf(row.getScope());
            if (!DataScopeEntity.ALL_COMPANIES.equals(row.getCompanyId())) {
                return scope;
            }
            fallback = scope;
        }
        return fallback;
    }

    static List<DataScopeEntity> all(EntityManager em, String tenantId, String object) {
        return em.createQuery("select s from DataScopeEntity s where s.tenantId = :t and s.objectName = :o "
                + "order by s.companyId", DataScopeEntity.class)
            .setParameter("t", tenantId).setParameter("o", object).getResultList();
    }
}
