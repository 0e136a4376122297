package org.openpartner.platform.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** One line of a tenant's audit trail; its id is the event's id, which makes writing it idempotent. */
@Entity
@Table(name = "OP_AUDIT", indexes = {
    @Index(name = "IX_AUDIT_TENANT_TIME", columnList = "TENANT_ID,OCCURRED_AT"),
    @Index(name = "IX_AUDIT_AGGREGATE", columnList = "AGGREGATE_ID")})
public class AuditEntryEntity {

    @Id
    @Column(name = "EVENT_ID", length = 36)
    private String eventId;

    @Column(name = "SEQ", nullable = false)
    private long sequence;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "EVENT_TYPE", length = 100, nullable = false)
    private String type;

    @Column(name = "AGGREGATE_TYPE", length = 64)
    private String aggregateType;

    @Column(name = "AGGREGATE_ID", length = 36)
    private String aggregateId;

    @Column(name = "ACTOR_USER_ID", length = 36)
    private String actorUserId;

    @Column(name = "SUMMARY", length = 500)
    private String summary;

    @Lob
    @Column(name = "DATA_JSON")
    private String dataJson;

    @Column(name = "OCCURRED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date occurredAt;

    @Column(name = "RECORDED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date recordedAt;

    public String getEventId() { return eventId; }
    public void setEventId(String eventId) { this.eventId = eventId; }
    public long getSequence() { return sequence; }
    public void setSequence(long sequence) { this.sequence = sequence; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getAggregateType() { return aggregateType; }
    public void setAggregateType(String aggregateType) { this.aggregateType = aggregateType; }
    public String getAggregateId() { return aggregateId; }
    public void setAggregateId(String aggregateId) { this.aggregateId = aggregateId; }
    public String getActorUserId() { return actorUserId; }
    public void setActorUserId(String actorUserId) { this.actorUserId = actorUserId; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getDataJson() { return dataJson; }
    public void setDataJson(String dataJson) { this.dataJson = dataJson; }
    public Instant getOccurredAt() { return occurredAt == null ? null : occurredAt.toInstant(); }
    public void setOccurredAt(Instant occurredAt) { this.occurredAt = occurredAt == null ? null : Date.from(occurredAt); }
    public Instant getRecordedAt() { return recordedAt == null ? null : recordedAt.toInstant(); }
    public void setRecordedAt(Instant recordedAt) { this.recordedAt = recordedAt == null ? null : Date.from(recordedAt); }
}
