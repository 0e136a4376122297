package org.openpartner.platform.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.UniqueConstraint;

/**
 * One line of a tenant's audit trail. Rows are written with plain JDBC by OutboxEventPublisher, in the transaction
 * of the change they describe (so the column names are a contract with its INSERT); JPA only reads them.
 */
@Entity
@Table(name = "OP_AUDIT", uniqueConstraints = @UniqueConstraint(name = "UQ_AUDIT_EVENT", columnNames = "EVENT_ID"),
       indexes = {
    @Index(name = "IX_AUDIT_TENANT_TIME", columnList = "TENANT_ID,OCCURRED_AT"),
    @Index(name = "IX_AUDIT_AGGREGATE", columnList = "AGGREGATE_ID")})
public class AuditEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "SEQ")
    private long sequence;

    @Column(name = "EVENT_ID", length = 36, nullable = false)
    private String eventId;

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
    public long getSequence() { return sequence; }
    public String getTenantId() { return tenantId; }
    public String getType() { return type; }
    public String getAggregateType() { return aggregateType; }
    public String getAggregateId() { return aggregateId; }
    public String getActorUserId() { return actorUserId; }
    public String getSummary() { return summary; }
    public String getDataJson() { return dataJson; }
    public Instant getOccurredAt() { return occurredAt == null ? null : occurredAt.toInstant(); }
    public Instant getRecordedAt() { return recordedAt == null ? null : recordedAt.toInstant(); }
}
