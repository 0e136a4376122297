package org.openpartner.partner.api.dto;

/** List filters; null means "any". {@code q} matches names containing it, ignoring case. */
public record PartnerFilter(String q, String type, String level, String region, String status, String tag,
                            String ownerUserId) {

    public static PartnerFilter none() {
        return new PartnerFilter(null, null, null, null, null, null, null);
    }
}
