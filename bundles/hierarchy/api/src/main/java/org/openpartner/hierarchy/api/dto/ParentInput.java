package org.openpartner.hierarchy.api.dto;

/** The body of a parent change: the new parent's id, or null to detach the partner from its parent. */
public record ParentInput(String parentPartnerId) {
}
