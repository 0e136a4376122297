/** Small helpers for bundles that keep their own persistence unit on the shared data source. */
@Export
@Version("1.5.0")
package org.openpartner.platform.api.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
