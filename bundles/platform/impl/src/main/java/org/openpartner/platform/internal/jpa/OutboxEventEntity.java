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
 * The transactional outbox. Other bundles insert rows with plain JDBC on their own transaction's connection
 * (see OutboxEventPublisher), so the column names here are a contract with {@code OutboxSql}. The table holds
 * pending and parked events only: the relay deletes an event once delivered (the tenant's audit trail keeps it), and
 * reads the pending sequence numbers in order from {@code IX_OUTBOX_PENDING} alone.
 */
@Entity
@Table(name = "OP_OUTBOX",
       uniqueConstraints = @UniqueConstraint(name = "UQ_OUTBOX_EVENT", columnNames = "EVENT_ID"),
       indexes = @Index(name = "IX_OUTBOX_PENDING", columnList = "SEQ,ATTEMPTS"))
public class OutboxEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "SEQ")
    private long sequence;

    @Column(name = "EVENT_ID", length = 36, nullable = false)
    private String eventId;

    @Column(name = "EVENT_TYPE", length = 100, nullable = false)
    private String type;

    @Column(name = "TENANT_ID", length = 36)
    private String tenantId;

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

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;

    public long getSequence() { return sequence; }
    public String getEventId() { return eventId; }
    public String getType() { return type; }
    public String getTenantId() { return tenantId; }
    public String getAggregateType() { return aggregateType; }
    public String getAggregateId() { return aggregateId; }
    public String getActorUserId() { return actorUserId; }
    public String getSummary() { return summary; }
    public String getDataJson() { return dataJson; }
    public Instant getOccurredAt() { return occurredAt == null ? null : occurredAt.toInstant(); }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
}
