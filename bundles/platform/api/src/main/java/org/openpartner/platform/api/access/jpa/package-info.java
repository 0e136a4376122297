/**
 * The sharing table as an entity, for the persistence units of capabilities whose objects are shareable: the
 * visibility filter's subquery names it, and JPQL only reaches entities of the query's own unit, so every such
 * unit lists {@link org.openpartner.platform.api.access.jpa.ShareGrant}. Only the access engine writes it.
 */
@Export
@Version("1.0.0")
package org.openpartner.platform.api.access.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
