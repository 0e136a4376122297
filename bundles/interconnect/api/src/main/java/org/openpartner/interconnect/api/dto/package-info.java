/** The data the interconnection services take and return. */
@Export
@Version("1.0.0")
package org.openpartner.interconnect.api.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
