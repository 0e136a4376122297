package org.openpartner.access.api.dto;

/** A custom external role: {@code key} is lower-case letters, digits and dashes, unique in the tenant. */
public record RoleInput(String key, String name) {
}
