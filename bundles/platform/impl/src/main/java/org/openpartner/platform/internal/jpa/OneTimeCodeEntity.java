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

/** A one-time code sent to a user's mobile; only its salted SHA-256 is stored. */
@Entity
@Table(name = "OP_ONE_TIME_CODE", indexes = @Index(name = "IX_OTC_USER", columnList = "USER_ID,PURPOSE,CREATED_AT"))
public class OneTimeCodeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "PURPOSE", length = 20, nullable = false)
    private String purpose;

    @Column(name = "CODE_HASH", length = 64, nullable = false)
    private String codeHash;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "CREATED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date expiresAt;

    @Column(name = "USED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    private Date usedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getCodeHash() { return codeHash; }
    public void setCodeHash(String codeHash) { this.codeHash = codeHash; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public Instant getExpiresAt() { return expiresAt == null ? null : expiresAt.toInstant(); }
    public void setExpiresAt(Instant expiresAt) { this.expiresAt = expiresAt == null ? null : Date.from(expiresAt); }
    public Instant getUsedAt() { return usedAt == null ? null : usedAt.toInstant(); }
    public void setUsedAt(Instant usedAt) { this.usedAt = usedAt == null ? null : Date.from(usedAt); }
}
