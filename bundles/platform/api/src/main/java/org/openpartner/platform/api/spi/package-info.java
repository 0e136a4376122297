/** What capability bundles and ISVs implement and register as OSGi services. */
@Export
@Version("1.2.0")
package org.openpartner.platform.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
