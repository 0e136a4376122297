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

/** A notice in a user's list; the index serves the list (a user's, in a tenant, newest first). */
@Entity
@Table(name = "OP_NOTICE", indexes = @Index(name = "IX_NOTICE_USER", columnList = "USER_ID, TENANT_ID, CREATED_AT, ID"))
public class NoticeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "KIND", length = 64, nullable = false)
    private String kind;

    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;

    @Column(name = "BODY", length = 2000)
    private String body;

    @Column(name = "OBJECT_NAME", length = 64)
    private String objectName;

    @Column(name = "RECORD_ID", length = 36)
    private String recordId;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "CREATED_AT", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "READ_AT")
    private Date readAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getObjectName() { return objectName; }
    public void setObjectName(String objectName) { this.objectName = objectName; }
    public String getRecordId() { return recordId; }
    public void setRecordId(String recordId) { this.recordId = recordId; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant at) { this.createdAt = at == null ? null : Date.from(at); }
    public Instant getReadAt() { return readAt == null ? null : readAt.toInstant(); }
    public void setReadAt(Instant at) { this.readAt = at == null ? null : Date.from(at); }
}
