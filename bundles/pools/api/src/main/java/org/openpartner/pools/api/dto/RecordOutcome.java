package org.openpartner.pools.api.dto;

/**
 * What a bulk change did to one record: {@code record} where it now stands, or the error {@code code} and {@code
 * message} it met (the same as the single change would answer), the record left as it was.
 */
public record RecordOutcome(String recordId, PooledRecord record, String code, String message) {
}
