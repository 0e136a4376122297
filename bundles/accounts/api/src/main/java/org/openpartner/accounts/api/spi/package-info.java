/** What ISVs implement: registries of company data that fill accounts (SPEC S7). */
@Export
@Version("1.0.0")
package org.openpartner.accounts.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
