package org.openpartner.access.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One field of a role's page layout: its section and its place in it. */
@Entity
@Table(name = "OP_LAYOUT_FIELD", indexes = @Index(name = "IX_LAYOUT_FIELD",
    columnList = "TENANT_ID, OBJECT_NAME, RECORD_TYPE, ROLE_KEY, SECTION_NO, POSITION"))
public class LayoutFieldEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "ROLE_KEY", length = 64, nullable = false)
    private String roleKey;

    @Column(name = "OBJECT_NAME", length = 63, nullable = false)
    private String objectName;

    @Column(name = "RECORD_TYPE", length = 64, nullable = false)
    private String recordType;

    @Column(name = "SECTION_NO", nullable = false)
    private int sectionNo;

    @Column(name = "SECTION_LABEL", length = 200, nullable = false)
    private String sectionLabel;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "FIELD_NAME", length = 100, nullable = false)
    private String fieldName;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getRoleKey() { return roleKey; }
    public void setRoleKey(String roleKey) { this.roleKey = roleKey; }
    public String getObjectName() { return objectName; }
    public void setObjectName(String objectName) { this.objectName = objectName; }
    public String getRecordType() { return recordType; }
    public void setRecordType(String recordType) { this.recordType = recordType; }
    public int getSectionNo() { return sectionNo; }
    public void setSectionNo(int sectionNo) { this.sectionNo = sectionNo; }
    public String getSectionLabel() { return sectionLabel; }
    public void setSectionLabel(String sectionLabel) { this.sectionLabel = sectionLabel; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public String getFieldName() { return fieldName; }
    public void setFieldName(String fieldName) { this.fieldName = fieldName; }
}
