package org.openpartner.pools.api.dto;

import java.util.List;

/** Records of one pool moved into another pool ({@code poolId}), with the reason. */
public record BulkMove(List<String> recordIds, String poolId, String reason) {
}
