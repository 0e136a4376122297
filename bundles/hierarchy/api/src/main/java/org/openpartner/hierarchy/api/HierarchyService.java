package org.openpartner.hierarchy.api;

import java.util.List;

import org.openpartner.hierarchy.api.dto.HierarchySettings;
import org.openpartner.hierarchy.api.dto.PartnerHierarchy;
import org.openpartner.hierarchy.api.dto.TreeNode;
import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The partner hierarchy of the acting tenant. Changes are for channel staff. Reads are for channel staff and for
 * external users who may read the partner (SPEC S4's rules for the Partner object); they see only the ancestors and
 * descendants they may read too. Refusals are {@link org.openpartner.platform.api.ApiException}s naming the field.
 */
@ProviderType
public interface HierarchyService {

    /** The name of the event published when a partner's parent changes. */
    String EVENT_PARENT_CHANGED = "partner.parent.changed";

    /**
     * Makes {@code parentPartnerId} the partner's parent, or detaches it from its parent when null. The users of
     * the new ancestors' companies reach the records owned within the partner and its descendants from the commit
     * on, and the old ones no longer.
     *
     * @throws org.openpartner.platform.api.ApiException 422 {@code hierarchy_cycle} when the parent is the partner
     *         or one of its descendants, 422 {@code hierarchy_too_deep} beyond the tenant's depth limit, 400
     *         {@code unknown_partner} for a parent that is not a partner of the tenant
     */
    PartnerHierarchy setParent(CallContext ctx, String partnerId, String parentPartnerId);

    /** The partner with its ancestors (the root first) and its descendants (breadth first, by name). */
    PartnerHierarchy of(CallContext ctx, String partnerId);

    /**
     * The subtree below {@code rootPartnerId}, or without a root every top-level partner that has children, each
     * with its subtree.
     *
     * @throws org.openpartner.platform.api.ApiException 422 {@code tree_too_large} beyond {@link #MAX_TREE_NODES}
     *         nodes: ask for a root
     */
    List<TreeNode> tree(CallContext ctx, String rootPartnerId);

    /** How many partners one tree answer holds at most. */
    int MAX_TREE_NODES = 5000;

    HierarchySettings settings(CallContext ctx);

    /**
     * Changes the depth limit and what parents may do with their descendants' records.
     *
     * @throws org.openpartner.platform.api.ApiException 422 {@code hierarchy_too_deep} when the tree is already
     *         deeper than the new limit
     */
    HierarchySettings updateSettings(CallContext ctx, HierarchySettings settings);
}
