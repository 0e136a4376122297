package org.openpartner.platform.api.dto;

import java.util.Set;

/** A role of a tenant; {@code system} roles are created by the platform and cannot be deleted. */
public record Role(String id, String key, String name, RoleKind kind, boolean system, Set<String> permissions) {
}
