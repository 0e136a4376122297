/** Values of the hierarchy API. */
@Export
@Version("1.0.0")
package org.openpartner.hierarchy.api.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
