/** What the pool engine takes and answers. */
@Export
@Version("1.3.0")
package org.openpartner.pools.api.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
