/**
 * Administration of the access model (SPEC S4): external roles and what each may do with each object. The
 * enforcement contract every capability uses is {@code org.openpartner.platform.api.access}.
 */
@Export
@Version("1.2.0")
package org.openpartner.access.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
