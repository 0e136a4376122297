package org.openpartner.hierarchy.api.dto;

import org.openpartner.partner.api.dto.Partner;

/**
 * A partner in the hierarchy at its {@code level} (1 for a partner without a parent). The partner is the Partner
 * object as the caller may see it: REST answers mask it with the caller's field permissions like any partner.
 */
public record PartnerNode(Partner partner, int level) {
}
