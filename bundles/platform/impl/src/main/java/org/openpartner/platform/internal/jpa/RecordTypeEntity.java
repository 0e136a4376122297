package org.openpartner.platform.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.UniqueConstraint;

@Entity
@Table(name = "OP_RECORD_TYPE",
       uniqueConstraints = @UniqueConstraint(name = "UQ_RECORD_TYPE", columnNames = {"TENANT_ID", "OBJECT_NAME", "TYPE_KEY"}))
public class RecordTypeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "OBJECT_NAME", length = 64, nullable = false)
    private String objectName;

    @Column(name = "TYPE_KEY", length = 64, nullable = false)
    private String key;

    @Column(name = "LABEL", length = 200, nullable = false)
    private String label;

    /** Field names in layout order, separated by commas. */
    @Column(name = "LAYOUT", length = 4000)
    private String layout;

    @Column(name = "CREATED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getObjectName() { return objectName; }
    public void setObjectName(String objectName) { this.objectName = objectName; }
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public String getLayout() { return layout; }
    public void setLayout(String layout) { this.layout = layout; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
}
