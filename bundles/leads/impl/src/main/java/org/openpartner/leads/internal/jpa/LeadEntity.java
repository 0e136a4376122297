package org.openpartner.leads.internal.jpa;

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

/**
 * A lead. The indexes serve the visibility filter's ownership alternatives in the list's order (newest first) and
 * the tenant-wide list of channel staff.
 */
@Entity
@Table(name = "OP_LEAD", indexes = {
    @Index(name = "IX_LEAD_OWNER", columnList = "OWNER_USER_ID, TENANT_ID, CREATED_AT, ID"),
    @Index(name = "IX_LEAD_COMPANY", columnList = "OWNER_COMPANY_ID, TENANT_ID, CREATED_AT, ID"),
    @Index(name = "IX_LEAD_TENANT", columnList = "TENANT_ID, CREATED_AT, ID"),
    @Index(name = "IX_LEAD_POOL", columnList = "POOL_ID, TENANT_ID, CREATED_AT, ID")})
public class LeadEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    /** Null while the lead sits in a pool unclaimed. */
    @Column(name = "OWNER_USER_ID", length = 36)
    private String ownerUserId;

    /** The owner's downstream company; null for leads the upstream's employees hold. */
    @Column(name = "OWNER_COMPANY_ID", length = 36)
    private String ownerCompanyId;

    /** The pool the lead waits in or was claimed from; the pool engine decides, this only mirrors it. */
    @Column(name = "POOL_ID", length = 36)
    private String poolId;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "COMPANY_NAME", length = 200)
    private String companyName;

    @Column(name = "MOBILE", length = 20)
    private String mobile;

    @Column(name = "EMAIL", length = 254)
    private String email;

    @Column(name = "SOURCE", length = 100)
    private String source;

    @Column(name = "REGION", length = 100)
    private String region;

    @Column(name = "INDUSTRY", length = 100)
    private String industry;

    /** A {@link org.openpartner.leads.api.dto.LeadStatus} name. */
    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    @Column(name = "STATUS_REASON", length = 500)
    private String statusReason;

    @Column(name = "RECORD_TYPE", length = 64)
    private String recordType;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "LAST_FOLLOW_UP_AT")
    private Date lastFollowUpAt;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "CREATED_AT", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "UPDATED_AT", nullable = false)
    private Date updatedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getOwnerUserId() { return ownerUserId; }
    public void setOwnerUserId(String ownerUserId) { this.ownerUserId = ownerUserId; }
    public String getOwnerCompanyId() { return ownerCompanyId; }
    public void setOwnerCompanyId(String ownerCompanyId) { this.ownerCompanyId = ownerCompanyId; }
    public String getPoolId() { return poolId; }
    public void setPoolId(String poolId) { this.poolId = poolId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getStatusReason() { return statusReason; }
    public void setStatusReason(String statusReason) { this.statusReason = statusReason; }
    public String getRecordType() { return recordType; }
    public void setRecordType(String recordType) { this.recordType = recordType; }
    public Instant getLastFollowUpAt() { return lastFollowUpAt == null ? null : lastFollowUpAt.toInstant(); }
    public void setLastFollowUpAt(Instant at) { this.lastFollowUpAt = at == null ? null : Date.from(at); }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public Instant getUpdatedAt() { return updatedAt == null ? null : updatedAt.toInstant(); }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt == null ? null : Date.from(updatedAt); }
    public long getVersion() { return version; }
}
