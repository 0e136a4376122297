/**
 * Pools (SPEC S6, S7): sets of records of one object (leads, accounts, an add-on's object) that partners claim and
 * return within the pool's limits, or that the pool's admins assign; the engine serves every object that registers
 * a {@link org.openpartner.pools.api.spi.PoolableObject}.
 */
@Export
@Version("1.2.0")
package org.openpartner.pools.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
