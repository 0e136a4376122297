/** Data carried across bundle boundaries: immutable records, no entities. */
@Export
@Version("1.3.0")
package org.openpartner.platform.api.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
