package org.openpartner.leads.api.dto;

/** Where a lead stands (SPEC S6). */
public enum LeadStatus {
    /** In a pool, held by nobody. */
    UNASSIGNED,
    /** Held by its owner, not followed up yet. */
    ASSIGNED,
    /** Held and followed up at least once. */
    FOLLOWING,
    /** Turned into an account (and contact, and optionally an opportunity). */
    CONVERTED,
    /** Not a real prospect (wrong data, no interest). */
    INVALID,
    /** Withdrawn (a duplicate, entered by mistake). */
    VOIDED
}
