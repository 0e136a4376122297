package org.openpartner.access.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.jpa.HierarchyLink;
import org.openpartner.platform.api.access.jpa.ShareGrant;
import org.openpartner.platform.api.access.jpa.ShareRule;
import org.openpartner.platform.api.jpa.InLists;

/** Reads and writes the sharing table; only the access engine writes it. */
final class GrantStore {

    private GrantStore() {
    }

    /** The record's grants naming any of the principals, of either access. */
    static List<ShareGrant> grantsFor(EntityManager em, String tenantId, String object, String recordId,
                                      List<String> principals) {
        return InLists.query(principals, keys -> em.createQuery("select g from ShareGrant g where g.tenantId = :t "
                + "and g.objectName = :o and g.recordId = :r and g.principal in :p order by g.source, g.principal",
                ShareGrant.class)
            .setParameter("t", tenantId).setParameter("o", object).setParameter("r", recordId).setParameter("p", keys)
            .getResultList());
    }

    /**
     * The object's sharing rules whose target is one of the principals or any user group (which the caller may not
     * belong to: see {@link RecordReach#sharing}), of either access.
     */
    static List<ShareRule> rulesFor(EntityManager em, String tenantId, String object, List<String> principals) {
        return em.createQuery("select r from ShareRule r where r.tenantId = :t and r.objectName = :o "
                + "and (r.target in :p or r.target like :g) order by r.createdAt, r.id", ShareRule.class)
            .setParameter("t", tenantId).setParameter("o", object).setParameter("p", InLists.padded(principals))
            .setParameter("g", Visibility.GROUP + "%").getResultList();
    }

    static List<ShareGrant> bySource(EntityManager em, String tenantId, String object, String recordId, String source) {
        return em.createQuery("select g from ShareGrant g where g.tenantId = :t and g.objectName = :o "
                + "and g.recordId = :r and g.source = :s order by g.createdAt, g.principal", ShareGrant.class)
            .setParameter("t", tenantId).setParameter("o", object).setParameter("r", recordId).setParameter("s", source)
            .getResultList();
    }

    /** The record's grant of this source to this principal (related teams and partner teams hold one each). */
    static Optional<ShareGrant> one(EntityManager em, String tenantId, String object, String recordId, String source,
                                    String principal) {
        return em.createQuery("select g from ShareGrant g where g.tenantId = :t and g.objectName = :o "
                + "and g.recordId = :r and g.source = :s and g.principal = :p", ShareGrant.class)
            .setParameter("t", tenantId).setParameter("o", object).setParameter("r", recordId).setParameter("s", source)
            .setParameter("p", principal).getResultList().stream().findFirst();
    }

    /** Gives the principal this access to the record under this source: a new grant, or the existing one changed. */
    static ShareGrant grant(EntityManager em, CallContext ctx, String object, String recordId, String source,
                            String principal, RecordAccess access) {
        ShareGrant grant = one(em, ctx.tenantId(), object, recordId, source, principal).orElse(null);
        if (grant == null) {
            grant = new ShareGrant();
            grant.setId(Ids.newId());
            grant.setTenantId(ctx.tenantId());
            grant.setObjectName(object);
            grant.setRecordId(recordId);
            grant.setPrincipal(principal);
            grant.setSource(source);
            grant.setCreatedBy(ctx.userId());
            grant.setCreatedAt(Instant.now());
            em.persist(grant);
        }
        grant.setAccessLevel(access == RecordAccess.WRITE ? ShareGrant.WRITE : ShareGrant.READ);
        return grant;
    }

    /**
     * Takes the record's grant of this source from the principal; whether there was one. Native SQL on the unique
     * key: OpenJPA writes a JPQL bulk delete as {@code delete ... where ID in (select ...)}, which Derby runs as a
     * scan of the whole grant table (found on the pool engine's claim path; the same holds here).
     */
    static boolean revoke(EntityManager em, String tenantId, String object, String recordId, String source,
                          String principal) {
        return em.createNativeQuery("DELETE FROM OP_SHARE WHERE TENANT_ID = ?1 AND OBJECT_NAME = ?2 AND RECORD_ID = ?3 "
                + "AND PRINCIPAL = ?4 AND SOURCE = ?5")
            .setParameter(1, tenantId).setParameter(2, object).setParameter(3, recordId).setParameter(4, principal)
            .setParameter(5, source).executeUpdate() > 0;
    }

    /** The user groups the user belongs to in the tenant. */
    static List<String> groupsOf(EntityManager em, String tenantId, String userId) {
        return em.createQuery("select m.groupId from GroupMembership m where m.tenantId = :t and m.userId = :u",
            String.class).setParameter("t", tenantId).setParameter("u", userId).getResultList();
    }

    /** Every grant of a deleted record; native for the reason given at {@link #revoke}. */
    static void deleteRecord(EntityManager em, String tenantId, String object, String recordId) {
        em.createNativeQuery("DELETE FROM OP_SHARE WHERE TENANT_ID = ?1 AND OBJECT_NAME = ?2 AND RECORD_ID = ?3")
            .setParameter(1, tenantId).setParameter(2, object).setParameter(3, recordId).executeUpdate();
    }

    /** Whether the record carries the "hide from parent partners" marker. */
    static boolean hiddenFromParents(EntityManager em, String tenantId, String object, String recordId) {
        return !em.createQuery("select g.id from ShareGrant g where g.tenantId = :t and g.objectName = :o "
                + "and g.recordId = :r and g.principal = :p", String.class)
            .setParameter("t", tenantId).setParameter("o", object).setParameter("r", recordId)
            .setParameter("p", ShareGrant.HIDDEN_FROM_PARENTS).setMaxResults(1).getResultList().isEmpty();
    }

    /** The hierarchy links that put {@code ancestorCompany} above {@code descendantCompany}, nearest first. */
    static List<HierarchyLink> hierarchyLinks(EntityManager em, String tenantId, String descendantCompany,
                                              String ancestorCompany) {
        return em.createQuery("select h from HierarchyLink h where h.tenantId = :t and h.descendantCompanyId = :d "
                + "and h.ancestorCompanyId = :a order by h.depth", HierarchyLink.class)
            .setParameter("t", tenantId).setParameter("d", descendantCompany).setParameter("a", ancestorCompany)
            .getResultList();
    }

    /** What a hierarchy link that reaches a record tells an administrator. */
    static String describe(HierarchyLink h) {
        return level(h.getAccessLevel()) + " hierarchy grant: the user's company is partner " + h.getAncestorPartnerId()
            + ", " + (h.getDepth() == 1 ? "the parent of" : h.getDepth() + " levels above") + " partner "
            + h.getDescendantPartnerId() + ", within which the record is owned (source hierarchy:"
            + h.getAncestorPartnerId() + ")";
    }

    /** What a grant tells an administrator about why it exists. */
    static String describe(ShareGrant g) {
        String why = switch (g.getSource()) {
            case ShareGrant.SOURCE_TEAM -> "related team";
            case ShareGrant.SOURCE_PARTNER_TEAM -> "partner team";
            default -> g.getSource();
        };
        return level(g.getAccessLevel()) + " grant to " + who(g.getPrincipal()) + " (" + why + ")";
    }

    /** What a rule that reaches a record tells an administrator. */
    static String describe(ShareRule r) {
        String source = switch (r.getSourceKind()) {
            case ShareRule.SOURCE_COMPANY -> "owned within company " + r.getSourceKey();
            case ShareRule.SOURCE_GROUP -> "owned by members of user group " + r.getSourceKey();
            default -> "owned by holders of role " + r.getSourceKey();
        };
        return level(r.getAccessLevel()) + " sharing rule " + r.getId() + ": records " + source + " shared with "
            + who(r.getTarget());
    }

    private static String level(String accessLevel) {
        return ShareGrant.WRITE.equals(accessLevel) ? "read-write" : "read-only";
    }

    private static String who(String principal) {
        return switch (principal.substring(0, 2)) {
            case "U:" -> "the user";
            case "C:" -> "the user's company";
            case "R:" -> "the user's role " + principal.substring(2);
            case Visibility.GROUP -> "the user's group " + principal.substring(2);
            case "A:" -> "every downstream company";
            default -> principal;
        };
    }
}
