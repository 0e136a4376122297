/** Partner management (SPEC S2): the upstream's records of its channel partners and their contacts. */
@Export
@Version("1.5.0")
package org.openpartner.partner.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
