/** What an object's bundle implements to have pools. */
@Export
@Version("1.3.0")
package org.openpartner.pools.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
