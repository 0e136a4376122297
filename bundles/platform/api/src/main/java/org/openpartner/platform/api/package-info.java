/**
 * The OpenPartner platform contract: the caller's context, errors, identity and role services, events,
 * paging and ids. Capability bundles and ISV add-ons depend on this package only.
 */
@Export
@Version("1.8.0")
package org.openpartner.platform.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
