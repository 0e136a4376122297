package org.openpartner.pools.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.openpartner.pools} (etc/org.openpartner.pools.cfg). */
@ObjectClassDefinition(id = PoolsConfig.PID, name = "OpenPartner pools")
public @interface PoolsConfig {

    String PID = "org.openpartner.pools";

    @AttributeDefinition(name = "Seconds between two sweeps that recycle the held records their pools' rules say "
        + "are due (every node sweeps; each record is recycled once); 0 stops the sweep")
    int recycle_intervalSeconds() default 300;
}
