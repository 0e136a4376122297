package org.openpartner.platform.api.access.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * A data sharing rule (SPEC S4): the records of an object owned within a source (a company, or users holding a
 * role, or members of a user group) are shared with a target principal ({@link ShareGrant}'s keys: a company, a
 * role, a user group, a user or every downstream company) for reading or also writing. Rules are evaluated by the visibility filter at query time, so
 * a new or deleted rule is in force for the next query, with nothing to recompute.
 */
@Entity
@Table(name = "OP_SHARE_RULE", indexes = @Index(name = "IX_SHARE_RULE_TARGET",
    columnList = "TENANT_ID, OBJECT_NAME, TARGET"))
public class ShareRule {

    /** The source is a downstream company: records owned within it. */
    public static final String SOURCE_COMPANY = "C";
    /** The source is a role: records owned by users holding it. */
    public static final String SOURCE_ROLE = "R";
    /** The source is a user group: records owned by its members ({@link GroupMembership}). */
    public static final String SOURCE_GROUP = "G";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "OBJECT_NAME", length = 63, nullable = false)
    private String objectName;

    @Column(name = "SOURCE_KIND", length = 1, nullable = false)
    private String sourceKind;

    @Column(name = "SOURCE_KEY", length = 64, nullable = false)
    private String sourceKey;

    /** A principal key as in {@link ShareGrant#getPrincipal()}. */
    @Column(name = "TARGET", length = 120, nullable = false)
    private String target;

    /** {@link ShareGrant#READ} or {@link ShareGrant#WRITE}. */
    @Column(name = "ACCESS_LEVEL", length = 1, nullable = false)
    private String accessLevel;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "CREATED_AT", nullable = false)
    private Date createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getObjectName() { return objectName; }
    public void setObjectName(String objectName) { this.objectName = objectName; }
    public String getSourceKind() { return sourceKind; }
    public void setSourceKind(String sourceKind) { this.sourceKind = sourceKind; }
    public String getSourceKey() { return sourceKey; }
    public void setSourceKey(String sourceKey) { this.sourceKey = sourceKey; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getAccessLevel() { return accessLevel; }
    public void setAccessLevel(String accessLevel) { this.accessLevel = accessLevel; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
}
