package org.openpartner.access.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.UniqueConstraint;

/** A user group of a tenant; its members are {@link org.openpartner.platform.api.access.jpa.GroupMembership} rows. */
@Entity
@Table(name = "OP_USER_GROUP", uniqueConstraints = @UniqueConstraint(name = "UQ_USER_GROUP_NAME",
    columnNames = {"TENANT_ID", "NAME_KEY"}))
public class UserGroupEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "NAME", length = 120, nullable = false)
    private String name;

    /** The name in lower case: names are unique within a tenant whatever their case. */
    @Column(name = "NAME_KEY", length = 120, nullable = false)
    private String nameKey;

    @Column(name = "DESCRIPTION", length = 500)
    private String description;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "CREATED_AT", nullable = false)
    private Date createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameKey() { return nameKey; }
    public void setNameKey(String nameKey) { this.nameKey = nameKey; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
}
