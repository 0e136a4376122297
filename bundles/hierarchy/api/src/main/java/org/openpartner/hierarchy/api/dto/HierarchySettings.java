package org.openpartner.hierarchy.api.dto;

import org.openpartner.platform.api.access.RecordAccess;

/**
 * The tenant's hierarchy settings. {@code maxLevels}: how many levels a tree may have (null: unlimited, the
 * default); {@code parentAccess}: whether the users of an ancestor's company only read ({@code READ}, the default)
 * or also change ({@code WRITE}) the records owned within its descendants.
 */
public record HierarchySettings(Integer maxLevels, RecordAccess parentAccess) {
}
