/** The data the announcement service takes and returns. */
@Export
@Version("1.1.0")
package org.openpartner.announcements.api.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
