package org.openpartner.hierarchy.api.dto;

import java.util.List;

/** A partner with its ancestors (the root first) and descendants, as the partner detail shows them. */
public record PartnerHierarchy(PartnerNode partner, List<PartnerNode> ancestors, List<PartnerNode> descendants) {
}
