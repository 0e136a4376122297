/** What account services take and answer. */
@Export
@Version("1.0.0")
package org.openpartner.accounts.api.dto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
