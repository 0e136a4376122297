package org.openpartner.accounts.internal;

import java.util.List;

import javax.persistence.EntityManagerFactory;

import org.openpartner.accounts.api.dto.BusinessInfo;
import org.openpartner.accounts.api.spi.BusinessInfoProvider;
import org.openpartner.accounts.internal.jpa.BusinessInfoEntity;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The default business-info provider: the data set each upstream imports ({@code POST /business-info/import}),
 * found by registration id or by name prefix on indexed keys. Ranked below zero so a real registry an ISV installs
 * answers first.
 */
@Component(service = BusinessInfoProvider.class, property = "service.ranking:Integer=-100")
public class ImportedBusinessInfo implements BusinessInfoProvider {

    static final String NAME = "imported";

    private final Transactions tx;

    @Activate
    public ImportedBusinessInfo(@Reference(target = "(osgi.unit.name=openpartner-accounts)") EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BusinessInfo> lookup(String tenantId, String namePrefix, String registrationId, int limit) {
        return tx.read(em -> (registrationId != null
            ? em.createQuery("select b from BusinessInfoEntity b where b.registrationKey = :k and b.tenantId = :t",
                    BusinessInfoEntity.class)
                .setParameter("k", AccountServiceImpl.registrationKey(registrationId))
            : em.createQuery("select b from BusinessInfoEntity b where b.tenantId = :t and b.nameKey like :p escape '\\' "
                    + "order by b.nameKey, b.id", BusinessInfoEntity.class)
                .setParameter("p", escapeLike(Names.key(namePrefix)) + "%"))
            .setParameter("t", tenantId).setMaxResults(limit).getResultList().stream()
            .map(b -> new BusinessInfo(NAME, b.getRegistrationId(), b.getName(), b.getIndustry(), b.getRegion(),
                b.getAddress())).toList());
    }

    /** A prefix as a LIKE pattern's literal start: its wildcards and the escape character stand for themselves. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
