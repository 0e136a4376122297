/**
 * The multi-level channel (SPEC S11): a partner's parent partner, kept free of cycles and within the tenant's
 * depth limit; ancestors and descendants of a partner; the tree; and the settings. What the hierarchy gives the
 * users of a parent partner (the records owned within its descendants) is decided by the access model's
 * visibility filter from the hierarchy's links.
 */
@Export
@Version("1.0.0")
package org.openpartner.hierarchy.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
