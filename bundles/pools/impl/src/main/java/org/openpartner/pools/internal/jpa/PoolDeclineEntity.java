package org.openpartner.pools.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.UniqueConstraint;

/**
 * A record's holder (a user {@code U:}, or a whole company {@code C:}) turned it down: the distribution rules pass
 * over that target for this record from then on, in any pool.
 */
@Entity
@Table(name = "OP_POOL_DECLINE", uniqueConstraints = @UniqueConstraint(name = "UQ_POOL_DECLINE",
    columnNames = {"TENANT_ID", "OBJECT_NAME", "RECORD_ID", "TARGET_KEY"}))
public class PoolDeclineEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "OBJECT_NAME", length = 63, nullable = false)
    private String objectName;

    @Column(name = "RECORD_ID", length = 36, nullable = false)
    private String recordId;

    @Column(name = "TARGET_KEY", length = 40, nullable = false)
    private String targetKey;

    @Column(name = "DECLINED_BY", length = 36, nullable = false)
    private String declinedBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "DECLINED_AT", nullable = false)
    private Date declinedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getObjectName() { return objectName; }
    public void setObjectName(String objectName) { this.objectName = objectName; }
    public String getRecordId() { return recordId; }
    public void setRecordId(String recordId) { this.recordId = recordId; }
    public String getTargetKey() { return targetKey; }
    public void setTargetKey(String targetKey) { this.targetKey = targetKey; }
    public String getDeclinedBy() { return declinedBy; }
    public void setDeclinedBy(String declinedBy) { this.declinedBy = declinedBy; }
    public Instant getDeclinedAt() { return declinedAt == null ? null : declinedAt.toInstant(); }
    public void setDeclinedAt(Instant declinedAt) { this.declinedAt = declinedAt == null ? null : Date.from(declinedAt); }
}
