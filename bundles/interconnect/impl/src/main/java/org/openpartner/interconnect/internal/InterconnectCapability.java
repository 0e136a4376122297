package org.openpartner.interconnect.internal;

import org.openpartner.interconnect.api.AppService;
import org.openpartner.interconnect.api.ConnectionService;
import org.openpartner.interconnect.api.InvitationService;
import org.openpartner.platform.api.spi.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Interconnection is ready once its services are. */
@Component(service = Capability.class)
public class InterconnectCapability implements Capability {

    @Reference
    private ConnectionService connections;

    @Reference
    private InvitationService invitations;

    @Reference
    private AppService apps;

    @Override
    public String feature() {
        return "openpartner-interconnect";
    }
}
