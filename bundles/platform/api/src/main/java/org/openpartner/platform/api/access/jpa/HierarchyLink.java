package org.openpartner.platform.api.access.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * One ancestor-descendant pair of the partner hierarchy (SPEC S11), a closure table: a partner has one row for each
 * of its ancestors, {@code depth} levels up (1 = its parent). The visibility filter reads it to give the users of
 * an ancestor's company the records owned within a descendant's company, so re-parenting a partner rewrites these
 * rows for its subtree and no grant per record. Company ids are the partners' connected enterprises (null while a
 * partner is not connected). Only the hierarchy capability writes it.
 */
@Entity
@Table(name = "OP_PARTNER_HIERARCHY",
    uniqueConstraints = @UniqueConstraint(name = "UQ_PARTNER_HIERARCHY",
        columnNames = {"TENANT_ID", "DESCENDANT_PARTNER_ID", "ANCESTOR_PARTNER_ID"}),
    indexes = {
        @Index(name = "IX_HIERARCHY_COMPANIES", columnList = "TENANT_ID, DESCENDANT_COMPANY_ID, ANCESTOR_COMPANY_ID"),
        @Index(name = "IX_HIERARCHY_ANCESTOR", columnList = "TENANT_ID, ANCESTOR_PARTNER_ID, DEPTH"),
        // A list's hierarchy alternative starts from the caller's company (VisibleRows).
        @Index(name = "IX_HIERARCHY_ANCESTOR_COMPANY", columnList = "ANCESTOR_COMPANY_ID, DESCENDANT_COMPANY_ID")})
public class HierarchyLink {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "ANCESTOR_PARTNER_ID", length = 36, nullable = false)
    private String ancestorPartnerId;

    @Column(name = "DESCENDANT_PARTNER_ID", length = 36, nullable = false)
    private String descendantPartnerId;

    /** Levels between the two: 1 for a parent, 2 for a grandparent. */
    @Column(name = "DEPTH", nullable = false)
    private int depth;

    @Column(name = "ANCESTOR_COMPANY_ID", length = 36)
    private String ancestorCompanyId;

    @Column(name = "DESCENDANT_COMPANY_ID", length = 36)
    private String descendantCompanyId;

    /** What the ancestor's users may do with the descendant's records: {@link ShareGrant#READ} or {@link ShareGrant#WRITE}. */
    @Column(name = "ACCESS_LEVEL", length = 1, nullable = false)
    private String accessLevel;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getAncestorPartnerId() { return ancestorPartnerId; }
    public void setAncestorPartnerId(String ancestorPartnerId) { this.ancestorPartnerId = ancestorPartnerId; }
    public String getDescendantPartnerId() { return descendantPartnerId; }
    public void setDescendantPartnerId(String descendantPartnerId) { this.descendantPartnerId = descendantPartnerId; }
    public int getDepth() { return depth; }
    public void setDepth(int depth) { this.depth = depth; }
    public String getAncestorCompanyId() { return ancestorCompanyId; }
    public void setAncestorCompanyId(String ancestorCompanyId) { this.ancestorCompanyId = ancestorCompanyId; }
    public String getDescendantCompanyId() { return descendantCompanyId; }
    public void setDescendantCompanyId(String descendantCompanyId) { this.descendantCompanyId = descendantCompanyId; }
    public String getAccessLevel() { return accessLevel; }
    public void setAccessLevel(String accessLevel) { this.accessLevel = accessLevel; }
}
