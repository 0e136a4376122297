package org.openpartner.platform.internal.health;

import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.spi.Capability;
import org.openpartner.platform.internal.security.Authenticator;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The platform is ready once identities, authentication and events are. */
@Component(service = Capability.class)
public class PlatformCapability implements Capability {

    @Reference
    private IdentityService identities;

    @Reference
    private Authenticator authenticator;

    @Reference
    private EventPublisher events;

    @Override
    public String feature() {
        return "openpartner-platform";
    }
}
