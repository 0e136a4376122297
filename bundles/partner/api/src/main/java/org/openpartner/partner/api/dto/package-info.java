/** Partner data carried across bundle boundaries. */
@Export
@Version("1.3.0")
package org.openpartner.partner.api.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
