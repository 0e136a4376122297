package org.openpartner.platform.api.dto;

/** Internal roles are held by the tenant's employees, external roles by users of its partner companies. */
public enum RoleKind {
    INTERNAL, EXTERNAL
}
