package org.openpartner.pools.api.dto;

import java.util.List;

/** Records of one pool assigned to one user, with the reason for each record's pool log. */
public record BulkAssignment(List<String> recordIds, String userId, String reason) {
}
