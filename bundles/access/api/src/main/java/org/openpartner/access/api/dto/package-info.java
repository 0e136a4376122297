/** Values of the access administration API. */
@Export
@Version("1.1.0")
package org.openpartner.access.api.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
