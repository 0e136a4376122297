package org.openpartner.interconnect.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.Version;

/** A connection of the upstream tenant with a partner's enterprise; ended ones stay as history. */
@Entity
@Table(name = "OP_CONNECTION",
       indexes = {@Index(name = "IX_CONNECTION_TENANT", columnList = "TENANT_ID,CREATED_AT,ID"),
                  @Index(name = "IX_CONNECTION_COMPANY", columnList = "COMPANY_ID,STATUS"),
                  @Index(name = "IX_CONNECTION_PARTNER", columnList = "TENANT_ID,PARTNER_ID")})
public class ConnectionEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "PARTNER_ID", length = 36, nullable = false)
    private String partnerId;

    @Column(name = "COMPANY_ID", length = 36, nullable = false)
    private String companyId;

    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    @Column(name = "ORIGIN", length = 20, nullable = false)
    private String origin;

    @Column(name = "DEFAULT_ROLES", length = 1000)
    private String defaultRoles;

    @Column(name = "CREATED_BY", length = 36, nullable = false)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date updatedAt;

    @Column(name = "SUSPENDED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    private Date suspendedAt;

    @Column(name = "ENDED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    private Date endedAt;

    @Column(name = "END_REASON", length = 500)
    private String endReason;

    @Version
    @Column(name = "VERSION")
    private long version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getPartnerId() { return partnerId; }
    public void setPartnerId(String partnerId) { this.partnerId = partnerId; }
    public String getCompanyId() { return companyId; }
    public void setCompanyId(String companyId) { this.companyId = companyId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getOrigin() { return origin; }
    public void setOrigin(String origin) { this.origin = origin; }
    public String getDefaultRoles() { return defaultRoles; }
    public void setDefaultRoles(String defaultRoles) { this.defaultRoles = defaultRoles; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public Instant getUpdatedAt() { return updatedAt == null ? null : updatedAt.toInstant(); }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt == null ? null : Date.from(updatedAt); }
    public Instant getSuspendedAt() { return suspendedAt == null ? null : suspendedAt.toInstant(); }
    public void setSuspendedAt(Instant suspendedAt) { this.suspendedAt = suspendedAt == null ? null : Date.from(suspendedAt); }
    public Instant getEndedAt() { return endedAt == null ? null : endedAt.toInstant(); }
    public void setEndedAt(Instant endedAt) { this.endedAt = endedAt == null ? null : Date.from(endedAt); }
    public String getEndReason() { return endReason; }
    public void setEndReason(String endReason) { this.endReason = endReason; }
    public long getVersion() { return version; }
}
