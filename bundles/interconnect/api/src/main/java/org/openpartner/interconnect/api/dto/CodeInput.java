package org.openpartner.interconnect.api.dto;

import java.util.Set;

/**
 * @param maxUses   1 for single use, more for multi-use, null for unlimited
 * @param validDays days until the code expires (1 to 365, default 7)
 * @param roles     external roles the connection gets (approval may change them); default dealer-personnel
 */
public record CodeInput(String label, Integer maxUses, Integer validDays, Set<String> roles) {
}
