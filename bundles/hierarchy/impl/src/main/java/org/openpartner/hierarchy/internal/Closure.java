package org.openpartner.hierarchy.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.access.jpa.HierarchyLink;

/** The rules of a parent change, without the database: cycles, the depth limit and the links it writes. */
final class Closure {

    /** A partner at {@code distance} levels from the partner being moved (0: itself). */
    record Node(String partnerId, String companyId, int distance) {
    }

    private Closure() {
    }

    /** A partner may not become a child of itself or of one of its descendants. */
    static void requireAcyclic(String partnerId, String parentId, Collection<String> descendantIds) {
        if (parentId.equals(partnerId) || descendantIds.contains(parentId)) {
            throw ApiException.unprocessable("hierarchy_cycle", parentId.equals(partnerId)
                ? "a partner cannot be its own parent"
                : "the parent is below this partner in the hierarchy: that would make a cycle", "parentPartnerId");
        }
    }

    /**
     * @param parentLevel the new parent's level (1: it has no parent)
     * @param height      levels below the moved partner (0: it has no children)
     */
    static void requireDepth(Integer maxLevels, int parentLevel, int height) {
        int deepest = parentLevel + 1 + height;
        if (maxLevels != null && deepest > maxLevels) {
            throw ApiException.unprocessable("hierarchy_too_deep", "the hierarchy may have at most " + maxLevels
                + " levels; under this parent, this partner's tree would reach level " + deepest, "parentPartnerId");
        }
    }

    /**
     * The links that put every new ancestor above the moved partner and each of its descendants: one per pair,
     * their distance the sum of both sides' distances.
     *
     * @param ancestors the new parent (distance 1) and its ancestors (distance 2, 3...)
     * @param subtree   the moved partner (distance 0) and its descendants
     */
    static List<HierarchyLink> links(String tenantId, List<Node> ancestors, List<Node> subtree, String accessLevel) {
        List<HierarchyLink> links = new ArrayList<>(ancestors.size() * subtree.size());
        for (Node above : ancestors) {
            for (Node below : subtree) {
                HierarchyLink link = new HierarchyLink();
                link.setId(Ids.newId());
                link.setTenantId(tenantId);
                link.setAncestorPartnerId(above.partnerId());
                link.setAncestorCompanyId(above.companyId());
                link.setDescendantPartnerId(below.partnerId());
                link.setDescendantCompanyId(below.companyId());
                link.setDepth(above.distance() + below.distance());
                link.setAccessLevel(accessLevel);
                links.add(link);
            }
        }
        return links;
    }
}
