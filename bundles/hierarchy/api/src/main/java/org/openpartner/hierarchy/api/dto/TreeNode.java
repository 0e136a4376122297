package org.openpartner.hierarchy.api.dto;

import java.util.List;

/** A partner and the partners whose parent it is, by name. */
public record TreeNode(PartnerNode partner, List<TreeNode> children) {
}
