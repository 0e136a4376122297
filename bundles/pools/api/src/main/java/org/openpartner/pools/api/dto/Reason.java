package org.openpartner.pools.api.dto;

/** Why: the text a return, a move or an assignment carries into the record's pool log. */
public record Reason(String reason) {
}
