package org.openpartner.platform.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** A bearer token; only the SHA-256 of the token is stored, so a database dump cannot be replayed. */
@Entity
@Table(name = "OP_ACCESS_TOKEN", indexes = @Index(name = "IX_TOKEN_USER", columnList = "USER_ID"))
public class AccessTokenEntity {

    /** Hex SHA-256 of the token. */
    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    /** The enterprise this token acts for. */
    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "CREATED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date expiresAt;

    @Column(name = "REVOKED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    private Date revokedAt;

    public String getTokenHash() { return tokenHash; }
    public void setTokenHash(String tokenHash) { this.tokenHash = tokenHash; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public Instant getExpiresAt() { return expiresAt == null ? null : expiresAt.toInstant(); }
    public void setExpiresAt(Instant expiresAt) { this.expiresAt = expiresAt == null ? null : Date.from(expiresAt); }
    public Instant getRevokedAt() { return revokedAt == null ? null : revokedAt.toInstant(); }
    public void setRevokedAt(Instant revokedAt) { this.revokedAt = revokedAt == null ? null : Date.from(revokedAt); }
}
