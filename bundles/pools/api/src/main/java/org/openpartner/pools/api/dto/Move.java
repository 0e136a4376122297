package org.openpartner.pools.api.dto;

/** Records put into a pool (from no pool or another one), with the reason. */
public record Move(String poolId, String reason) {
}
