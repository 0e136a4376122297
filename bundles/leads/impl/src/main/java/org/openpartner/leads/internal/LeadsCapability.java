package org.openpartner.leads.internal;

import org.openpartner.leads.api.LeadService;
import org.openpartner.platform.api.spi.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Leads are ready once their service is. */
@Component(service = Capability.class)
public class LeadsCapability implements Capability {

    @Reference
    private LeadService leads;

    @Override
    public String feature() {
        return "openpartner-leads";
    }
}
