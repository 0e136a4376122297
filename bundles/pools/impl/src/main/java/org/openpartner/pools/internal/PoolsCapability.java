package org.openpartner.pools.internal;

import org.openpartner.platform.api.spi.Capability;
import org.openpartner.pools.api.PoolService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Pools are ready once their service is. */
@Component(service = Capability.class)
public class PoolsCapability implements Capability {

    @Reference
    private PoolService pools;

    @Override
    public String feature() {
        return "openpartner-pools";
    }
}
