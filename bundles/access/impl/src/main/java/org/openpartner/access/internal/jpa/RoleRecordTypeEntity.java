package org.openpartner.access.internal.jpa;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** The record types one role may create records of, once configured for the object. */
@Entity
@Table(name = "OP_ROLE_RECORD_TYPE", uniqueConstraints = @UniqueConstraint(name = "UQ_ROLE_RECORD_TYPE",
    columnNames = {"TENANT_ID", "OBJECT_NAME", "ROLE_KEY"}))
public class RoleRecordTypeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "ROLE_KEY", length = 64, nullable = false)
    private String roleKey;

    @Column(name = "OBJECT_NAME", length = 63, nullable = false)
    private String objectName;

    /** Comma-separated record type keys. */
    @Column(name = "RECORD_TYPES", length = 2000, nullable = false)
    private String recordTypes;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getRoleKey() { return roleKey; }
    public void setRoleKey(String roleKey) { this.roleKey = roleKey; }
    public String getObjectName() { return objectName; }
    public void setObjectName(String objectName) { this.objectName = objectName; }
    public List<String> getRecordTypes() {
        return recordTypes == null || recordTypes.isEmpty() ? List.of() : Arrays.asList(recordTypes.split(","));
    }
    public void setRecordTypes(Collection<String> recordTypes) { this.recordTypes = String.join(",", recordTypes); }
}
