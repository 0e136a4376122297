package org.openpartner.partner.internal;

import org.openpartner.partner.api.PartnerService;
import org.openpartner.platform.api.spi.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Partner management is ready once its service is. */
@Component(service = Capability.class)
public class PartnerCapability implements Capability {

    @Reference
    private PartnerService partners;

    @Override
    public String feature() {
        return "openpartner-partner";
    }
}
