/**
 * The access model's contract (SPEC S4): the objects capabilities register, what a caller may do with each of them
 * and which of their fields it may see or change. Every capability enforces access through {@link
 * org.openpartner.platform.api.access.AccessControl}; the engine behind it is the access capability.
 */
@Export
@Version("1.5.0")
package org.openpartner.platform.api.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
