/** Announcements (SPEC S3): an interconnection app through which an upstream informs its connected companies. */
@Export
@Version("1.1.0")
package org.openpartner.announcements.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
