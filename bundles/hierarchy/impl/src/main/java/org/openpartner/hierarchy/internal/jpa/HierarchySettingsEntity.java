package org.openpartner.hierarchy.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A tenant's hierarchy settings; its row is also the lock that serialises the tenant's parent changes, so two
 * concurrent changes cannot together close a cycle or pass the depth limit.
 */
@Entity
@Table(name = "OP_HIERARCHY_SETTINGS")
public class HierarchySettingsEntity {

    @Id
    @Column(name = "TENANT_ID", length = 36)
    private String tenantId;

    /** Levels a tree may have; null: unlimited. */
    @Column(name = "MAX_LEVELS")
    private Integer maxLevels;

    @Column(name = "PARENT_ACCESS", length = 1, nullable = false)
    private String parentAccess;

    /** Bumped by every parent change: the update that takes the tenant's lock. */
    @Column(name = "CHANGES", nullable = false)
    private long changes;

    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public Integer getMaxLevels() { return maxLevels; }
    public void setMaxLevels(Integer maxLevels) { this.maxLevels = maxLevels; }
    public String getParentAccess() { return parentAccess; }
    public void setParentAccess(String parentAccess) { this.parentAccess = parentAccess; }
    public long getChanges() { return changes; }
    public void setChanges(long changes) { this.changes = changes; }
}
