package org.openpartner.partner.api.dto;

import java.util.List;

/** A partner with its contacts: what the upstream keeps of a connected company, as that company may read it. */
public record PartnerProfile(Partner partner, List<PartnerContact> contacts) {
}
