package org.openpartner.access.api.dto;

/** A new user group, or a group's new name and description; the name is unique within the tenant. */
public record UserGroupInput(String name, String description) {
}
