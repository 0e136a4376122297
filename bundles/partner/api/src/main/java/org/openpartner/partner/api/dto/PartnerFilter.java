package org.openpartner.partner.api.dto;

/**
 * List filters; null means "any". {@code q} matches names containing it, ignoring case; {@code connected} keeps
 * partners that are (true) or are not (false) interconnected.
 */
public record PartnerFilter(String q, String type, String level, String region, String status, String tag,
                            String ownerUserId, Boolean connected) {

    public PartnerFilter(String q, String type, String level, String region, String status, String tag,
                         String ownerUserId) {
        this(q, type, level, region, status, tag, ownerUserId, null);
    }

    public static PartnerFilter none() {
        return new PartnerFilter(null, null, null, null, null, null, null, null);
    }
}
