package org.openpartner.access.api.dto;

import java.util.List;

/** A role's page layout for one object and record type: ordered sections; an empty list removes the layout. */
public record LayoutInput(List<LayoutSection> sections) {
}
