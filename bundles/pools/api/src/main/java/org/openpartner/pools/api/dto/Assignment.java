package org.openpartner.pools.api.dto;

/** An admin's assignment of a pooled record to a user, with its reason. */
public record Assignment(String userId, String reason) {
}
