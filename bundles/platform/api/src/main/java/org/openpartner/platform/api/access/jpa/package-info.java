/**
 * The sharing table as an entity, for the persistence units of capabilities whose objects are shareable: the
 * visibility filter's subquery names it, and JPQL only reaches entities of the query's own unit, so every such
 * unit lists {@link org.openpartner.platform.api.access.jpa.ShareGrant}, {@link
 * org.openpartner.platform.api.access.jpa.ShareRule}, {@link org.openpartner.platform.api.access.jpa.RoleAssignment},
 * {@link org.openpartner.platform.api.access.jpa.GroupMembership} and {@link
 * org.openpartner.platform.api.access.jpa.HierarchyLink}. Only the access engine writes grants, rules and group memberships,
 * only the hierarchy capability the hierarchy links.
 */
@Export
@Version("1.2.0")
package org.openpartner.platform.api.access.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
