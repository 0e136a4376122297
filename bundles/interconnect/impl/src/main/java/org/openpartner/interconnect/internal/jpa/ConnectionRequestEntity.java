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

/** A downstream enterprise's request to connect, made with an invitation code. */
@Entity
@Table(name = "OP_CONNECTION_REQUEST",
       indexes = {@Index(name = "IX_REQUEST_TENANT", columnList = "TENANT_ID,STATUS,CREATED_AT"),
                  @Index(name = "IX_REQUEST_COMPANY", columnList = "COMPANY_ID,TENANT_ID")})
public class ConnectionRequestEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "COMPANY_ID", length = 36, nullable = false)
    private String companyId;

    @Column(name = "CODE_ID", length = 36, nullable = false)
    private String codeId;

    @Column(name = "REQUESTED_BY", length = 36, nullable = false)
    private String requestedBy;

    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    @Column(name = "ROLES", length = 1000)
    private String roles;

    @Column(name = "REASON", length = 500)
    private String reason;

    @Column(name = "CONNECTION_ID", length = 36)
    private String connectionId;

    @Column(name = "DECIDED_BY", length = 36)
    private String decidedBy;

    @Column(name = "CREATED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date createdAt;

    @Column(name = "DECIDED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    private Date decidedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getCompanyId() { return companyId; }
    public void setCompanyId(String companyId) { this.companyId = companyId; }
    public String getCodeId() { return codeId; }
    public void setCodeId(String codeId) { this.codeId = codeId; }
    public String getRequestedBy() { return requestedBy; }
    public void setRequestedBy(String requestedBy) { this.requestedBy = requestedBy; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getRoles() { return roles; }
    public void setRoles(String roles) { this.roles = roles; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getConnectionId() { return connectionId; }
    public void setConnectionId(String connectionId) { this.connectionId = connectionId; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public Instant getDecidedAt() { return decidedAt == null ? null : decidedAt.toInstant(); }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt == null ? null : Date.from(decidedAt); }
    public long getVersion() { return version; }
}
