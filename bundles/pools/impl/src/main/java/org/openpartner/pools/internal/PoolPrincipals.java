package org.openpartner.pools.internal;

import java.util.List;

import javax.persistence.EntityManagerFactory;

import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.access.PrincipalProvider;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Names a caller {@code P:<pool>} for every pool it is a member or an admin of, so that the one grant a waiting record
 * carries reaches all the pool's members and admins: one indexed query, for poolable objects only.
 */
@Component(service = PrincipalProvider.class)
public class PoolPrincipals implements PrincipalProvider {

    private final Transactions tx;
    private final PoolObjects objects;

    @Activate
    public PoolPrincipals(@Reference(target = "(osgi.unit.name=openpartner-pools)") EntityManagerFactory emf,
                          @Reference PoolObjects objects) {
        this.tx = new Transactions(emf);
        this.objects = objects;
    }

    @Override
    public List<String> principals(CallContext ctx, String objectName, List<String> principals) {
        if (!objects.isPoolable(objectName)) {
            return List.of();
        }
        // Members and admins: an admin who is not channel staff reads the waiting records it assigns and explains.
        return tx.read(em -> em.createQuery("select distinct m.poolId from PoolMemberEntity m where m.principal in :k "
                + "and m.tenantId = :t", String.class).setParameter("k", principals)
            .setParameter("t", ctx.tenantId()).getResultList())
            .stream().map(pool -> PoolServiceImpl.POOL_PRINCIPAL + pool).toList();
    }
}
