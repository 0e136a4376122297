package org.openpartner.hierarchy.api.dto;

/**
 * A partner in the hierarchy. {@code level} is 1 for a partner without a parent; {@code companyId} is its
 * connected enterprise (null while not connected), whose users the hierarchy concerns.
 */
public record PartnerNode(String partnerId, String name, String parentPartnerId, String companyId, int level) {
}
