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
import javax.persistence.UniqueConstraint;

/**
 * A record in a pool, and the arbiter of who holds it: claims, returns and assignments change this row with one
 * conditional update each ({@code ... where state = 'WAITING'}), so of two claimants exactly one wins. A record is
 * in at most one pool (the unique key).
 */
@Entity
@Table(name = "OP_POOL_RECORD",
    uniqueConstraints = @UniqueConstraint(name = "UQ_POOL_RECORD", columnNames = {"TENANT_ID", "OBJECT_NAME", "RECORD_ID"}),
    indexes = {
        @Index(name = "IX_POOL_RECORD_POOL", columnList = "POOL_ID, STATE"),
        @Index(name = "IX_POOL_RECORD_HOLDER", columnList = "HOLDER_USER_ID, POOL_ID")})
public class PoolRecordEntity {

    public static final String WAITING = "WAITING";
    public static final String HELD = "HELD";
    public static final String CLOSED = "CLOSED";

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

    @Column(name = "STATE", length = 10, nullable = false)
    private String state;

    @Column(name = "HOLDER_USER_ID", length = 36)
    private String holderUserId;

    @Column(name = "HOLDER_COMPANY_ID", length = 36)
    private String holderCompanyId;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "ENTERED_AT", nullable = false)
    private Date enteredAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "HELD_SINCE")
    private Date heldSince;

    /**
     * When the holder took the record on: at its claim, or when it accepted a record handed to it. The holding is
     * accepted while this is not before {@link #heldSince} (a new holding starts unaccepted with no reset).
     */
    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "ACCEPTED_AT")
    private Date acceptedAt;

    /** Who gave the record back last, and when: the re-claim cool-down is theirs. */
    @Column(name = "RETURNED_BY", length = 36)
    private String returnedBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "RETURNED_AT")
    private Date returnedAt;

    /**
     * How far the escalation ladder went for the due time in {@link #noticeDue} (1: holder reminded, 2: admins
     * notified); a due time that moved (a follow-up, a new holding) starts the ladder again.
     */
    @Column(name = "NOTICE_STEP")
    private Integer noticeStep;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "NOTICE_DUE")
    private Date noticeDue;

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
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getHolderUserId() { return holderUserId; }
    public void setHolderUserId(String holderUserId) { this.holderUserId = holderUserId; }
    public String getHolderCompanyId() { return holderCompanyId; }
    public void setHolderCompanyId(String holderCompanyId) { this.holderCompanyId = holderCompanyId; }
    public Instant getEnteredAt() { return enteredAt == null ? null : enteredAt.toInstant(); }
    public void setEnteredAt(Instant enteredAt) { this.enteredAt = enteredAt == null ? null : Date.from(enteredAt); }
    public Instant getHeldSince() { return heldSince == null ? null : heldSince.toInstant(); }
    public void setHeldSince(Instant heldSince) { this.heldSince = heldSince == null ? null : Date.from(heldSince); }
    public Instant getAcceptedAt() { return acceptedAt == null ? null : acceptedAt.toInstant(); }
    public void setAcceptedAt(Instant acceptedAt) { this.acceptedAt = acceptedAt == null ? null : Date.from(acceptedAt); }
    /** Whether the current holder has taken the record on. */
    public boolean isAccepted() {
        return HELD.equals(state) && acceptedAt != null && heldSince != null && !acceptedAt.before(heldSince);
    }
    /** Waiting in its pool again: no holder, no holding time, nothing taken on. */
    public void release() {
        setState(WAITING);
        setHolderUserId(null);
        setHolderCompanyId(null);
        setHeldSince(null);
        setAcceptedAt(null);
    }
    public String getReturnedBy() { return returnedBy; }
    public void setReturnedBy(String returnedBy) { this.returnedBy = returnedBy; }
    public Instant getReturnedAt() { return returnedAt == null ? null : returnedAt.toInstant(); }
    public void setReturnedAt(Instant returnedAt) { this.returnedAt = returnedAt == null ? null : Date.from(returnedAt); }
    public Integer getNoticeStep() { return noticeStep; }
    public Instant getNoticeDue() { return noticeDue == null ? null : noticeDue.toInstant(); }
}
