/**
 * Interconnection (SPEC S2, S3): connections between an upstream tenant and its partners' own enterprises,
 * invitation codes, bulk import of connected companies, and the interconnection apps a connected company may use.
 */
@Export
@Version("1.0.0")
package org.openpartner.interconnect.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
