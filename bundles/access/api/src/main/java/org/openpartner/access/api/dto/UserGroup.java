package org.openpartner.access.api.dto;

import java.time.Instant;

/** A user group of a tenant, with how many members it has. */
public record UserGroup(String id, String name, String description, long memberCount, String createdBy,
                        Instant createdAt) {
}
