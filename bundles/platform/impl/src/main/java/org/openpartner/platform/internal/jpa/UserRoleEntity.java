package org.openpartner.platform.internal.jpa;

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

/** A role held by a user within a tenant. The table's definition is also RoleAssignment's (platform API): keep them equal. */
@Entity
@Table(name = "OP_USER_ROLE",
       uniqueConstraints = @UniqueConstraint(name = "UQ_USER_ROLE", columnNames = {"USER_ID", "TENANT_ID", "ROLE_KEY"}),
       indexes = {
           // A user's roles come from the unique constraint (user first); a role's holders, for role-sourced sharing
           // rules, from this one. With the tenant first in the constraint, Derby scanned the tenant's assignments
           // for both.
           @Index(name = "IX_USER_ROLE_KEY", columnList = "ROLE_KEY, TENANT_ID, USER_ID")})
public class UserRoleEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "ROLE_KEY", length = 64, nullable = false)
    private String roleKey;

    @Column(name = "CREATED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getRoleKey() { return roleKey; }
    public void setRoleKey(String roleKey) { this.roleKey = roleKey; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
}
