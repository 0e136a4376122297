package org.openpartner.platform.api.jpa;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

/**
 * Runs work in a resource-local transaction of a bundle's own persistence unit: begin, commit, roll back on
 * any failure, always close. Bundles use this instead of container-managed JTA (see docs/architecture.md).
 */
public final class Transactions {

    private final EntityManagerFactory emf;

    /**
     * Opens and closes one entity manager at once: OpenJPA creates or updates the unit's tables on first use, and
     * that must happen here, on its own connection, not later inside a {@link UnitOfWork} whose connection it would
     * commit or roll back.
     */
    public Transactions(EntityManagerFactory emf) {
        this.emf = emf;
        emf.createEntityManager().close();
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /** Read-only work: no transaction is committed, so nothing it does is written. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }
}
