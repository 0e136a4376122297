package org.openpartner.access.internal.jpa;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.UniqueConstraint;

/** The actions one role may take on one object; present once the upstream configured the role for the object. */
@Entity
@Table(name = "OP_ROLE_OBJECT_PERMISSION", uniqueConstraints = @UniqueConstraint(name = "UQ_ROLE_OBJECT_PERMISSION",
    columnNames = {"TENANT_ID", "OBJECT_NAME", "ROLE_KEY"}))
public class RoleObjectPermissionEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "ROLE_KEY", length = 64, nullable = false)
    private String roleKey;

    @Column(name = "OBJECT_NAME", length = 63, nullable = false)
    private String objectName;

    /** Comma-separated action names. */
    @Column(name = "ACTIONS", length = 2000, nullable = false)
    private String actions;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "UPDATED_AT", nullable = false)
    private Date updatedAt;

    @Column(name = "UPDATED_BY", length = 36)
    private String updatedBy;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getRoleKey() { return roleKey; }
    public void setRoleKey(String roleKey) { this.roleKey = roleKey; }
    public String getObjectName() { return objectName; }
    public void setObjectName(String objectName) { this.objectName = objectName; }
    public Set<String> getActions() {
        return actions == null || actions.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(actions.split(",")));
    }
    public void setActions(Collection<String> actions) { this.actions = String.join(",", actions); }
    public Instant getUpdatedAt() { return updatedAt == null ? null : updatedAt.toInstant(); }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt == null ? null : Date.from(updatedAt); }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }
}
