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
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** An invitation code; only the SHA-256 of the code is stored. */
@Entity
@Table(name = "OP_INVITATION_CODE",
       uniqueConstraints = @UniqueConstraint(name = "UQ_INVITATION_CODE", columnNames = "CODE_HASH"),
       indexes = @Index(name = "IX_INVITATION_TENANT", columnList = "TENANT_ID,CREATED_AT"))
public class InvitationCodeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "CODE_HASH", length = 64, nullable = false)
    private String codeHash;

    @Column(name = "HINT", length = 8, nullable = false)
    private String hint;

    @Column(name = "LABEL", length = 200)
    private String label;

    @Column(name = "MAX_USES")
    private Integer maxUses;

    @Column(name = "USES", nullable = false)
    private int uses;

    @Column(name = "ROLES", length = 1000)
    private String roles;

    @Column(name = "EXPIRES_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date expiresAt;

    @Column(name = "REVOKED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    private Date revokedAt;

    @Column(name = "CREATED_BY", length = 36, nullable = false)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date createdAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getCodeHash() { return codeHash; }
    public void setCodeHash(String codeHash) { this.codeHash = codeHash; }
    public String getHint() { return hint; }
    public void setHint(String hint) { this.hint = hint; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public Integer getMaxUses() { return maxUses; }
    public void setMaxUses(Integer maxUses) { this.maxUses = maxUses; }
    public int getUses() { return uses; }
    public void setUses(int uses) { this.uses = uses; }
    public String getRoles() { return roles; }
    public void setRoles(String roles) { this.roles = roles; }
    public Instant getExpiresAt() { return expiresAt == null ? null : expiresAt.toInstant(); }
    public void setExpiresAt(Instant expiresAt) { this.expiresAt = expiresAt == null ? null : Date.from(expiresAt); }
    public Instant getRevokedAt() { return revokedAt == null ? null : revokedAt.toInstant(); }
    public void setRevokedAt(Instant revokedAt) { this.revokedAt = revokedAt == null ? null : Date.from(revokedAt); }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public long getVersion() { return version; }
}
