package org.openpartner.pools.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** One movement of a pooled record, written in the transaction that made it. */
@Entity
@Table(name = "OP_POOL_LOG", indexes = @Index(name = "IX_POOL_LOG_RECORD", columnList = "TENANT_ID, OBJECT_NAME, RECORD_ID, MOVED_AT"))
public class PoolLogEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "OBJECT_NAME", length = 63, nullable = false)
    private String objectName;

    @Column(name = "RECORD_ID", length = 36, nullable = false)
    private String recordId;

    @Column(name = "POOL_ID", length = 36, nullable = false)
    private String poolId;

    @Column(name = "MOVEMENT", length = 10, nullable = false)
    private String action;

    @Column(name = "ACTOR_USER_ID", length = 36)
    private String actorUserId;

    @Column(name = "HOLDER_USER_ID", length = 36)
    private String holderUserId;

    @Column(name = "HOLDER_COMPANY_ID", length = 36)
    private String holderCompanyId;

    @Column(name = "REASON", length = 500)
    private String reason;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "MOVED_AT", nullable = false)
    private Date at;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getObjectName() { return objectName; }
    public void setObjectName(String objectName) { this.objectName = objectName; }
    public String getRecordId() { return recordId; }
    public void setRecordId(String recordId) { this.recordId = recordId; }
    public String getPoolId() { return poolId; }
    public void setPoolId(String poolId) { this.poolId = poolId; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getActorUserId() { return actorUserId; }
    public void setActorUserId(String actorUserId) { this.actorUserId = actorUserId; }
    public String getHolderUserId() { return holderUserId; }
    public void setHolderUserId(String holderUserId) { this.holderUserId = holderUserId; }
    public String getHolderCompanyId() { return holderCompanyId; }
    public void setHolderCompanyId(String holderCompanyId) { this.holderCompanyId = holderCompanyId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Instant getAt() { return at == null ? null : at.toInstant(); }
    public void setAt(Instant at) { this.at = at == null ? null : Date.from(at); }
}
