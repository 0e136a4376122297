package org.openpartner.access.api.dto;

import java.util.List;

/**
 * A role's page layout for an object and record type.
 *
 * @param configured false when the role has none: the record type's default layout (or every field) applies
 */
public record RoleLayout(String role, String object, String recordType, boolean configured,
                         List<LayoutSection> sections) {
}
