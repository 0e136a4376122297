/** Values of the leads API. */
@Export
@Version("1.2.0")
package org.openpartner.leads.api.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
