/** What bundles implement to contribute interconnection apps. */
@Export
@Version("1.0.0")
package org.openpartner.interconnect.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
