package org.openpartner.pools.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** What the distribution rules decided for a record entering a pool, kept for "explain". */
@Entity
@Table(name = "OP_POOL_DISTRIBUTION",
    indexes = @Index(name = "IX_POOL_DIST_RECORD", columnList = "TENANT_ID, OBJECT_NAME, RECORD_ID, DECIDED_AT"))
public class PoolDistributionEntity {

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

    @Column(name = "RULE_ID", length = 36)
    private String ruleId;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "DECIDED_AT", nullable = false)
    private Date decidedAt;

    /** The decision as JSON (rules passed over, targets weighed, the choice). */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "DETAIL")
    private String detail;

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
    public String getRuleId() { return ruleId; }
    public void setRuleId(String ruleId) { this.ruleId = ruleId; }
    public Instant getDecidedAt() { return decidedAt == null ? null : decidedAt.toInstant(); }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt == null ? null : Date.from(decidedAt); }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
}
