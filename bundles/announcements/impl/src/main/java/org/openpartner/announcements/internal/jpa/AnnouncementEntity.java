package org.openpartner.announcements.internal.jpa;

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
import javax.persistence.Version;

/** An announcement; {@code pinRank} is 1 for pinned ones so that lists sort and page on it. */
@Entity
@Table(name = "OP_ANNOUNCEMENT", indexes = @Index(name = "IX_ANNOUNCEMENT_TENANT", columnList = "TENANT_ID,PIN_RANK,ID"))
public class AnnouncementEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;

    @Lob
    @Column(name = "BODY", nullable = false)
    private String body;

    @Column(name = "PIN_RANK", nullable = false)
    private int pinRank;

    @Column(name = "CREATED_BY", length = 36, nullable = false)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date updatedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public int getPinRank() { return pinRank; }
    public void setPinRank(int pinRank) { this.pinRank = pinRank; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public Instant getUpdatedAt() { return updatedAt == null ? null : updatedAt.toInstant(); }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt == null ? null : Date.from(updatedAt); }
    public long getVersion() { return version; }
}
