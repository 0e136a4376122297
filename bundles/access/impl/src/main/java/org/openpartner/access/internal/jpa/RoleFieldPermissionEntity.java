package org.openpartner.access.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A field one role may not write, or not see: fields without a row are read-write for the role. */
@Entity
@Table(name = "OP_ROLE_FIELD_PERMISSION", uniqueConstraints = @UniqueConstraint(name = "UQ_ROLE_FIELD_PERMISSION",
    columnNames = {"TENANT_ID", "OBJECT_NAME", "ROLE_KEY", "FIELD_NAME"}))
public class RoleFieldPermissionEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "ROLE_KEY", length = 64, nullable = false)
    private String roleKey;

    @Column(name = "OBJECT_NAME", length = 63, nullable = false)
    private String objectName;

    @Column(name = "FIELD_NAME", length = 100, nullable = false)
    private String fieldName;

    /** A {@link org.openpartner.platform.api.access.FieldAccess} name: HIDDEN or READ_ONLY. */
    @Column(name = "ACCESS_LEVEL", length = 20, nullable = false)
    private String access;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getRoleKey() { return roleKey; }
    public void setRoleKey(String roleKey) { this.roleKey = roleKey; }
    public String getObjectName() { return objectName; }
    public void setObjectName(String objectName) { this.objectName = objectName; }
    public String getFieldName() { return fieldName; }
    public void setFieldName(String fieldName) { this.fieldName = fieldName; }
    public String getAccess() { return access; }
    public void setAccess(String access) { this.access = access; }
}
