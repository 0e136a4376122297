package org.openpartner.access.api.dto;

import org.openpartner.platform.api.access.RecordAccess;

/** A new sharing rule; {@code access} defaults to {@code READ}, {@code target} is absent for all companies. */
public record SharingRuleInput(String object, SharingRule.SourceKind sourceKind, String source,
                               SharingRule.TargetKind targetKind, String target, RecordAccess access) {
}
