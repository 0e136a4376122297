package org.openpartner.partner.api.dto;

import java.util.List;

/**
 * The writable fields of a partner. On create, a null owner means the caller and a null status means active.
 *
 * @param version for updates: the version the client read (optimistic locking); null skips the check
 */
public record PartnerInput(String name, String type, String level, String ownerUserId, List<String> tags,
                           String region, String status, Long version) {
}
