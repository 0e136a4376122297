/** Leads (SPEC S6): prospective customers that upstream and downstream users create, follow up and convert. */
@Export
@Version("1.2.0")
package org.openpartner.leads.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
