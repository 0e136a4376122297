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
import javax.persistence.UniqueConstraint;

/**
 * A user's membership of a user group of a tenant (SPEC S4): the groups a sharing rule names as its source (records
 * owned by the members) or its target (principal {@code G:<group id>}). The access engine writes the table; the
 * visibility filter's subqueries read it, by group (a rule's source) and by user (the caller's groups).
 */
@Entity
@Table(name = "OP_GROUP_MEMBER",
       uniqueConstraints = @UniqueConstraint(name = "UQ_GROUP_MEMBER", columnNames = {"TENANT_ID", "GROUP_ID", "USER_ID"}),
       indexes = @Index(name = "IX_GROUP_MEMBER_USER", columnList = "TENANT_ID, USER_ID, GROUP_ID"))
public class GroupMembership {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "GROUP_ID", length = 36, nullable = false)
    private String groupId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "ADDED_BY", length = 36)
    private String addedBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "ADDED_AT", nullable = false)
    private Date addedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getGroupId() { return groupId; }
    public void setGroupId(String groupId) { this.groupId = groupId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getAddedBy() { return addedBy; }
    public void setAddedBy(String addedBy) { this.addedBy = addedBy; }
    public Instant getAddedAt() { return addedAt == null ? null : addedAt.toInstant(); }
    public void setAddedAt(Instant addedAt) { this.addedAt = addedAt == null ? null : Date.from(addedAt); }
}
