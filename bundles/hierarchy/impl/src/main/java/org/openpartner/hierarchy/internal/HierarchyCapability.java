package org.openpartner.hierarchy.internal;

import org.openpartner.hierarchy.api.HierarchyService;
import org.openpartner.platform.api.spi.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The multi-level channel is ready once its service is. */
@Component(service = Capability.class)
public class HierarchyCapability implements Capability {

    @Reference
    private HierarchyService hierarchy;

    @Override
    public String feature() {
        return "openpartner-hierarchy";
    }
}
