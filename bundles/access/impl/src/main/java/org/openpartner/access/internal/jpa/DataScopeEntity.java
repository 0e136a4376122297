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

/** The data scope of an object for one downstream company, or ({@link #ALL_COMPANIES}) the tenant's default. */
@Entity
@Table(name = "OP_DATA_SCOPE", uniqueConstraints = @UniqueConstraint(name = "UQ_DATA_SCOPE",
    columnNames = {"TENANT_ID", "OBJECT_NAME", "COMPANY_ID"}))
public class DataScopeEntity {

    /** The company id of the tenant-wide default (keeps the unique key free of nulls). */
    public static final String ALL_COMPANIES = "*";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "OBJECT_NAME", length = 63, nullable = false)
    private String objectName;

    @Column(name = "COMPANY_ID", length = 36, nullable = false)
    private String companyId;

    /** A {@link org.openpartner.platform.api.access.DataScope} name. */
    @Column(name = "SCOPE", length = 30, nullable = false)
    private String scope;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "UPDATED_AT", nullable = false)
    private Date updatedAt;

    @Column(name = "UPDATED_BY", length = 36)
    private String updatedBy;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getObjectName() { return objectName; }
    public void setObjectName(String objectName) { this.objectName = objectName; }
    public String getCompanyId() { return companyId; }
    public void setCompanyId(String companyId) { this.companyId = companyId; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public Instant getUpdatedAt() { return updatedAt == null ? null : updatedAt.toInstant(); }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt == null ? null : Date.from(updatedAt); }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }
}
