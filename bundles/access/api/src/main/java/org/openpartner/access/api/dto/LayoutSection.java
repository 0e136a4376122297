package org.openpartner.access.api.dto;

import java.util.List;

/** A section of a page layout: a label and its fields, in the order the portal shows them. */
public record LayoutSection(String label, List<String> fields) {
}
