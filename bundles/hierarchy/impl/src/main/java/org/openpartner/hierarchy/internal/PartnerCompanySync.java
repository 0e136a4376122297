package org.openpartner.hierarchy.internal;

import java.util.List;

import javax.persistence.EntityManagerFactory;

import org.openpartner.partner.api.PartnerService;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.dto.DeliveredEvent;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.spi.EventConsumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps the hierarchy links' company ids equal to the partners' connected enterprises, and drops a deleted
 * partner's links. Reads the partner's current state rather than the event's, so a redelivered or late event does
 * no harm. Until the event is relayed, a newly connected partner's ancestors do not reach its records: it has just
 * been connected, so its users have made none yet.
 */
@Component(service = EventConsumer.class,
    property = EventConsumer.EVENT_TYPES + "=partner.")
public class PartnerCompanySync implements EventConsumer {

    private static final List<String> TYPES = List.of("partner.connected", "partner.disconnected", "partner.deleted");

    private final Transactions tx;
    private final PartnerService partners;

    @Activate
    public PartnerCompanySync(@Reference(target = "(osgi.unit.name=openpartner-hierarchy)") EntityManagerFactory emf,
                              @Reference PartnerService partners) {
        this.tx = new Transactions(emf);
        this.partners = partners;
    }

    @Override
    public void accept(DeliveredEvent delivered) {
        DomainEvent event = delivered.event();
        if (!TYPES.contains(event.type())) {
            return;
        }
        CallContext console = CallContext.console(event.tenantId());
        Partner partner;
        try {
            partner = partners.get(console, event.aggregateId());
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            partner = null;
        }
        Partner current = partner;
        String tenant = event.tenantId();
        String partnerId = event.aggregateId();
        tx.inTransaction(em -> {
            HierarchyServiceImpl.lockSettings(em, tenant);
            if (current == null) {
                em.createQuery("delete from HierarchyLink h where h.tenantId = :t and (h.descendantPartnerId = :p "
                        + "or h.ancestorPartnerId = :p)")
                    .setParameter("t", tenant).setParameter("p", partnerId).executeUpdate();
                return null;
            }
            em.createQuery("update HierarchyLink h set h.ancestorCompanyId = :c where h.tenantId = :t "
                    + "and h.ancestorPartnerId = :p")
                .setParameter("c", current.connectedEnterpriseId()).setParameter("t", tenant).setParameter("p", partnerId)
                .executeUpdate();
            em.createQuery("update HierarchyLink h set h.descendantCompanyId = :c where h.tenantId = :t "
                    + "and h.descendantPartnerId = :p")
                .setParameter("c", current.connectedEnterpriseId()).setParameter("t", tenant).setParameter("p", partnerId)
                .executeUpdate();
            return null;
        });
    }
}
