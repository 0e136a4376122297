package org.openpartner.interconnect.api.spi;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An interconnection app (SPEC S3), contributed by a bundle as an OSGi service. Installing the bundle's feature
 * adds the app to every upstream's registry; uninstalling removes it (and, with its bundle, its endpoints) while the
 * per-tenant settings and the app's data stay in the database for a reinstall.
 * <p>
 * An app's REST endpoints call {@link org.openpartner.interconnect.api.AppService#requireAccess} before serving a
 * downstream user.
 */
@ConsumerType
public interface InterconnectionApp {

    /** Stable id, lower-case letters, digits and dashes, e.g. {@code announcements}. */
    String id();

    String name();

    String description();

    /** The objects the app exposes to downstream users, e.g. {@code Announcement}. */
    List<String> objects();

    /**
     * External roles that may use the app unless the upstream configures others: a downstream user needs at least
     * one of the app's roles.
     */
    Set<String> defaultExternalRoles();

    /** Portal components (menu entries, pages) the portal shows for the app. */
    List<String> portalComponents();

    /** Whether every new connection gets the app enabled (SharePartner is). */
    default boolean enabledByDefault() {
        return false;
    }
}
