package org.openpartner.hierarchy.api.dto;

import java.util.List;

import org.openpartner.partner.api.dto.Partner;

/** A partner at its {@code level} and the partners whose parent it is, by name. */
public record TreeNode(Partner partner, int level, List<TreeNode> children) {
}
