/** Accounts (SPEC S7): the customers upstream and downstream users work, and the business-info lookup. */
@Export
@Version("1.0.0")
package org.openpartner.accounts.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
