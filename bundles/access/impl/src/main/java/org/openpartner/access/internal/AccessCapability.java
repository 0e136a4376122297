package org.openpartner.access.internal;

import org.openpartner.access.api.PermissionAdmin;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.spi.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The access model is ready once its engine and its administration are. */
@Component(service = Capability.class)
public class AccessCapability implements Capability {

    @Reference
    private AccessControl access;

    @Reference
    private PermissionAdmin admin;

    @Override
    public String feature() {
        return "openpartner-access";
    }
}
