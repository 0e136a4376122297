package org.openpartner.hierarchy.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.openpartner.hierarchy.api.HierarchyService;
import org.openpartner.hierarchy.api.dto.HierarchySettings;
import org.openpartner.hierarchy.api.dto.PartnerHierarchy;
import org.openpartner.hierarchy.api.dto.PartnerNode;
import org.openpartner.hierarchy.api.dto.TreeNode;
import org.openpartner.hierarchy.internal.jpa.HierarchySettingsEntity;
import org.openpartner.partner.api.PartnerService;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.jpa.HierarchyLink;
import org.openpartner.platform.api.access.jpa.ShareGrant;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.jpa.InLists;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hierarchy as a closure table ({@link HierarchyLink}) beside the partner's parent field, both written in one
 * unit of work under the tenant's settings row lock.
 */
@Component(service = HierarchyService.class)
public class HierarchyServiceImpl implements HierarchyService {

    private static final Comparator<Partner> BY_NAME = Comparator.comparing((Partner p) -> p.name() == null ? ""
        : p.name()).thenComparing(Partner::id);
    private static final Comparator<Partner> BY_ID = Comparator.comparing(Partner::id);

    private final Transactions tx;
    private final UnitOfWork unitOfWork;
    private final PartnerService partners;
    private final EventPublisher events;
    private final AccessControl access;

    @Activate
    public HierarchyServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-hierarchy)") EntityManagerFactory emf,
                                @Reference UnitOfWork unitOfWork, @Reference PartnerService partners,
                                @Reference EventPublisher events, @Reference AccessControl access) {
        this.tx = new Transactions(emf);
        this.unitOfWork = unitOfWork;
        this.partners = partners;
        this.events = events;
        this.access = access;
    }

    @Override
    public PartnerHierarchy setParent(CallContext ctx, String partnerId, String parentPartnerId) {
        ctx.requireChannelStaff("change the partner hierarchy");
        String parentId = parentPartnerId == null || parentPartnerId.isBlank() ? null : parentPartnerId.trim();
        unitOfWork.inUnit(() -> tx.inTransaction(em -> {
            HierarchySettingsEntity settings = lockSettings(em, ctx.tenantId());
            Partner partner = partners.get(ctx, partnerId);
            if (Objects.equals(partner.parentPartnerId(), parentId)) {
                return null;
            }
            Partner parent = parentId == null ? null : partners.getAll(ctx, List.of(parentId)).stream().findFirst()
                .orElseThrow(() -> ApiException.badRequest("unknown_partner", "parentPartnerId is no partner of this "
                    + "enterprise", "parentPartnerId"));
            List<HierarchyLink> below = linksBelow(em, ctx.tenantId(), partner.id());
            List<HierarchyLink> above = linksAbove(em, ctx.tenantId(), partner.id());
            List<HierarchyLink> parentAbove = List.of();
            if (parent != null) {
                Closure.requireAcyclic(partner.id(), parent.id(),
                    below.stream().map(HierarchyLink::getDescendantPartnerId).collect(Collectors.toSet()));
                parentAbove = linksAbove(em, ctx.tenantId(), parent.id());
                Closure.requireDepth(settings.getMaxLevels(), parentAbove.size() + 1,
                    below.stream().mapToInt(HierarchyLink::getDepth).max().orElse(0));
            }
            List<Closure.Node> subtree = new ArrayList<>();
            subtree.add(new Closure.Node(partner.id(), partner.connectedEnterpriseId(), 0));
            below.forEach(l -> subtree.add(new Closure.Node(l.getDescendantPartnerId(), l.getDescendantCompanyId(), l.getDepth())));
            // The old ancestors lose the moved subtree...
            List<String> oldAncestors = above.stream().map(HierarchyLink::getAncestorPartnerId).toList();
            if (!oldAncestors.isEmpty()) {
                InLists.query(subtree.stream().map(Closure.Node::partnerId).toList(), chunk -> List.of(em.createQuery(
                        "delete from HierarchyLink h where h.tenantId = :t and h.ancestorPartnerId in :a "
                            + "and h.descendantPartnerId in :d")
                    .setParameter("t", ctx.tenantId()).setParameter("a", oldAncestors).setParameter("d", chunk)
                    .executeUpdate()));
            }
            // ...and the new ones gain it.
            if (parent != null) {
                List<Closure.Node> ancestors = new ArrayList<>();
                ancestors.add(new Closure.Node(parent.id(), parent.connectedEnterpriseId(), 1));
                parentAbove.forEach(l -> ancestors.add(new Closure.Node(l.getAncestorPartnerId(), l.getAncestorCompanyId(),
                    l.getDepth() + 1)));
                Closure.links(ctx.tenantId(), ancestors, subtree, settings.getParentAccess()).forEach(em::persist);
            }
            partners.recordParent(ctx, partner.id(), parentId);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("parentPartnerId", parentId == null ? "" : parentId);
            data.put("previousParentPartnerId", partner.parentPartnerId() == null ? "" : partner.parentPartnerId());
            data.put("partnersMoved", subtree.size());
            events.publish(em, new DomainEvent(EVENT_PARENT_CHANGED, ctx.tenantId(), "Partner", partner.id(), ctx.userId(),
                "Partner '" + partner.name() + "' " + (parent == null ? "detached from its parent"
                    : "moved under '" + parent.name() + "'"), data));
            return null;
        }));
        return of(ctx, partnerId);
    }

    @Override
    public PartnerHierarchy of(CallContext ctx, String partnerId) {
        requireParentsVisible(ctx);
        Partner partner = partners.get(ctx, partnerId);
        List<List<HierarchyLink>> links = tx.read(em -> List.of(linksAbove(em, ctx.tenantId(), partner.id()),
            linksBelow(em, ctx.tenantId(), partner.id())));
        List<HierarchyLink> above = links.get(0);
        List<HierarchyLink> below = links.get(1);
        int level = above.size() + 1;
        List<String> ids = new ArrayList<>();
        above.forEach(l -> ids.add(l.getAncestorPartnerId()));
        below.forEach(l -> ids.add(l.getDescendantPartnerId()));
        Map<String, Partner> readable = readable(ctx, ids);
        Comparator<Partner> order = order(ctx);
        List<PartnerNode> ancestors = above.stream().sorted(Comparator.comparingInt(HierarchyLink::getDepth).reversed())
            .filter(l -> readable.containsKey(l.getAncestorPartnerId()))
            .map(l -> new PartnerNode(readable.get(l.getAncestorPartnerId()), level - l.getDepth())).toList();
        List<PartnerNode> descendants = below.stream().filter(l -> readable.containsKey(l.getDescendantPartnerId()))
            .map(l -> new PartnerNode(readable.get(l.getDescendantPartnerId()), level + l.getDepth()))
            .sorted(Comparator.comparingInt(PartnerNode::level).thenComparing(PartnerNode::partner, order)).toList();
        return new PartnerHierarchy(new PartnerNode(partner, level), ancestors, descendants);
    }

    @Override
    public List<TreeNode> tree(CallContext ctx, String rootPartnerId) {
        requireParentsVisible(ctx);
        List<String> roots;
        if (rootPartnerId != null && !rootPartnerId.isBlank()) {
            roots = List.of(partners.get(ctx, rootPartnerId).id());
        } else if (ctx.isExternal()) {
            // A downstream user's tree starts at its own company's partner.
            roots = List.of(partners.companyProfile(ctx).partner().id());
        } else {
            ctx.requireChannelStaff("see the partner hierarchy");
            roots = tx.read(em -> em.createQuery("select distinct h.ancestorPartnerId from HierarchyLink h "
                    + "where h.tenantId = :t and h.depth = 1 and not exists (select x.id from HierarchyLink x "
                    + "where x.tenantId = :t and x.descendantPartnerId = h.ancestorPartnerId)", String.class)
                .setParameter("t", ctx.tenantId()).getResultList());
        }
        List<HierarchyLink> below = tx.read(em -> InLists.query(roots, chunk -> em.createQuery(
                "select h from HierarchyLink h where h.tenantId = :t and h.ancestorPartnerId in :r", HierarchyLink.class)
            .setParameter("t", ctx.tenantId()).setParameter("r", chunk).getResultList()));
        if (roots.size() + below.size() > MAX_TREE_NODES) {
            throw ApiException.unprocessable("tree_too_large", "the hierarchy has more than " + MAX_TREE_NODES
                + " partners here: ask for the tree below one partner (root)", "root");
        }
        List<String> ids = new ArrayList<>(roots);
        below.forEach(l -> ids.add(l.getDescendantPartnerId()));
        Map<String, Partner> readable = readable(ctx, ids);
        Map<String, Integer> levels = rootLevels(ctx, roots);
        // Children by parent, among the partners the caller reads: an unreadable partner hides its subtree.
        Map<String, List<Partner>> children = new HashMap<>();
        readable.values().forEach(p -> {
            if (p.parentPartnerId() != null && !roots.contains(p.id())) {
                children.computeIfAbsent(p.parentPartnerId(), k -> new ArrayList<>()).add(p);
            }
        });
        Comparator<Partner> order = order(ctx);
        return roots.stream().filter(readable::containsKey).map(readable::get).sorted(order)
            .map(root -> subtree(root, levels.get(root.id()), children, order)).toList();
    }

    private static TreeNode subtree(Partner partner, int level, Map<String, List<Partner>> children,
                                    Comparator<Partner> order) {
        List<TreeNode> below = children.getOrDefault(partner.id(), List.of()).stream().sorted(order)
            .map(child -> subtree(child, level + 1, children, order)).toList();
        return new TreeNode(partner, level, below);
    }

    private Map<String, Integer> rootLevels(CallContext ctx, List<String> roots) {
        Map<String, Integer> levels = new HashMap<>();
        roots.forEach(r -> levels.put(r, 1));
        tx.read(em -> InLists.query(roots, chunk -> em.createQuery("select h.descendantPartnerId, count(h) from "
                + "HierarchyLink h where h.tenantId = :t and h.descendantPartnerId in :r group by h.descendantPartnerId",
                Object[].class).setParameter("t", ctx.tenantId()).setParameter("r", chunk).getResultList()))
            .forEach(row -> levels.put((String) row[0], ((Number) row[1]).intValue() + 1));
        return levels;
    }

    @Override
    public HierarchySettings settings(CallContext ctx) {
        ctx.requireChannelStaff("see the hierarchy settings");
        return tx.read(em -> toDto(settingsOf(em, ctx.tenantId())));
    }

    @Override
    public HierarchySettings updateSettings(CallContext ctx, HierarchySettings input) {
        ctx.requireChannelStaff("change the hierarchy settings");
        if (input == null) {
            throw ApiException.badRequest("required", "a body with maxLevels and parentAccess is required", null);
        }
        if (input.parentAccess() == null) {
            // The settings are replaced as a whole: a body without it would silently turn parents' write back to read.
            throw ApiException.badRequest("required", "parentAccess is READ or WRITE (maxLevels: a number, or null "
                + "for no limit)", "parentAccess");
        }
        if (input.maxLevels() != null && input.maxLevels() < 1) {
            throw ApiException.badRequest("invalid", "maxLevels must be at least 1, or null for no limit", "maxLevels");
        }
        return tx.inTransaction(em -> {
            HierarchySettingsEntity settings = lockSettings(em, ctx.tenantId());
            if (input.maxLevels() != null) {
                Integer deepest = em.createQuery("select max(h.depth) from HierarchyLink h where h.tenantId = :t",
                    Integer.class).setParameter("t", ctx.tenantId()).getSingleResult();
                int levels = deepest == null ? 1 : deepest + 1;
                if (levels > input.maxLevels()) {
                    throw ApiException.unprocessable("hierarchy_too_deep", "the hierarchy already has " + levels
                        + " levels: move partners up before lowering the limit to " + input.maxLevels(), "maxLevels");
                }
            }
            settings.setMaxLevels(input.maxLevels());
            String level = input.parentAccess() == RecordAccess.WRITE ? ShareGrant.WRITE : ShareGrant.READ;
            if (!level.equals(settings.getParentAccess())) {
                settings.setParentAccess(level);
                em.createQuery("update HierarchyLink h set h.accessLevel = :l where h.tenantId = :t")
                    .setParameter("l", level).setParameter("t", ctx.tenantId()).executeUpdate();
            }
            events.publish(em, new DomainEvent("partner.hierarchy.settings.changed", ctx.tenantId(), "Hierarchy",
                ctx.tenantId(), ctx.userId(), "Hierarchy settings changed", Map.of(
                    "maxLevels", input.maxLevels() == null ? "" : String.valueOf(input.maxLevels()),
                    "parentAccess", level)));
            return toDto(settings);
        });
    }

    /**
     * The tenant's settings row, locked until the transaction ends (an update takes the row lock on Derby and
     * PostgreSQL alike); created with the defaults on first use.
     */
    static HierarchySettingsEntity lockSettings(EntityManager em, String tenantId) {
        int locked = em.createQuery("update HierarchySettingsEntity s set s.changes = s.changes + 1 where s.tenantId = :t")
            .setParameter("t", tenantId).executeUpdate();
        if (locked == 0) {
            HierarchySettingsEntity created = defaults(tenantId);
            em.persist(created);
            em.flush();
            return created;
        }
        return em.find(HierarchySettingsEntity.class, tenantId);
    }

    private static HierarchySettingsEntity settingsOf(EntityManager em, String tenantId) {
        HierarchySettingsEntity found = em.find(HierarchySettingsEntity.class, tenantId);
        return found == null ? defaults(tenantId) : found;
    }

    private static HierarchySettingsEntity defaults(String tenantId) {
        HierarchySettingsEntity settings = new HierarchySettingsEntity();
        settings.setTenantId(tenantId);
        settings.setParentAccess(ShareGrant.READ);
        return settings;
    }

    private static HierarchySettings toDto(HierarchySettingsEntity s) {
        return new HierarchySettings(s.getMaxLevels(), ShareGrant.WRITE.equals(s.getParentAccess())
            ? RecordAccess.WRITE : RecordAccess.READ);
    }

    static List<HierarchyLink> linksAbove(EntityManager em, String tenantId, String partnerId) {
        return em.createQuery("select h from HierarchyLink h where h.tenantId = :t and h.descendantPartnerId = :p",
            HierarchyLink.class).setParameter("t", tenantId).setParameter("p", partnerId).getResultList();
    }

    static List<HierarchyLink> linksBelow(EntityManager em, String tenantId, String partnerId) {
        return em.createQuery("select h from HierarchyLink h where h.tenantId = :t and h.ancestorPartnerId = :p",
            HierarchyLink.class).setParameter("t", tenantId).setParameter("p", partnerId).getResultList();
    }

    /**
     * Ancestors, levels and a tree's nesting all tell a partner's parent: a caller whose roles hide
     * {@code parentPartnerId} reads none of them (403 naming the field), as a hidden field is absent from every answer.
     */
    private void requireParentsVisible(CallContext ctx) {
        if (ctx.isExternal() && !access.access(ctx, PartnerService.OBJECT).isVisible("parentPartnerId")) {
            throw ApiException.forbidden("field_hidden", "the hierarchy tells each partner's parent, which your roles "
                + "do not show", "parentPartnerId");
        }
    }

    /** By name, unless the caller's roles hide partners' names: then by id, so the order tells nothing about them. */
    private Comparator<Partner> order(CallContext ctx) {
        return !ctx.isExternal() || access.access(ctx, PartnerService.OBJECT).isVisible("name") ? BY_NAME : BY_ID;
    }

    /** The partners with these ids that the caller may read (the database filters them), by id. */
    private Map<String, Partner> readable(CallContext ctx, List<String> ids) {
        Map<String, Partner> byId = new HashMap<>();
        partners.getAll(ctx, ids).forEach(p -> byId.put(p.id(), p));
        return byId;
    }
}
