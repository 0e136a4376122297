package org.openpartner.access.api.dto;

import java.time.Instant;

import org.openpartner.platform.api.access.RecordAccess;

/**
 * A data sharing rule: the object's records owned within {@code source} are shared with {@code target}.
 *
 * @param source the company id, role key or user group id the records' owners belong to
 * @param target the company id, role key, user group id or user id shared with; null for every downstream company
 */
public record SharingRule(String id, String object, SourceKind sourceKind, String source, TargetKind targetKind,
                          String target, RecordAccess access, String createdBy, Instant createdAt) {

    /** Whose records are shared. */
    public enum SourceKind { COMPANY, ROLE, GROUP }

    /** With whom. {@code ALL_COMPANIES} reaches every downstream company, present and future, in one rule. */
    public enum TargetKind { COMPANY, ROLE, GROUP, USER, ALL_COMPANIES }
}
