package org.openpartner.platform.api.access.jpa;

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
 * One grant of access to one record beyond what its owner and the data scopes give: a member of the record's
 * related team, a sharing rule's target, a parent partner in the hierarchy. {@code principal} is one key: {@code
 * U:<user>}, {@code C:<company>}, {@code R:<role>}, {@code G:<user group>} or {@code A:} (every downstream company of the tenant).
 */
@Entity
@Table(name = "OP_SHARE",
    uniqueConstraints = @UniqueConstraint(name = "UQ_SHARE", columnNames = {"TENANT_ID", "OBJECT_NAME", "RECORD_ID", "PRINCIPAL", "SOURCE"}),
    indexes = @Index(name = "IX_SHARE_PRINCIPAL", columnList = "PRINCIPAL, OBJECT_NAME, RECORD_ID"))
public class ShareGrant {

    /** Read access. */
    public static final String READ = "R";
    /** Read and write access. */
    public static final String WRITE = "W";
    /** The source of related-team grants. */
    public static final String SOURCE_TEAM = "team";
    /** The source of partner-team grants (SPEC S11): one downstream company, {@code C:<company>}, each. */
    public static final String SOURCE_PARTNER_TEAM = "partner-team";
    /**
     * The principal of a record's "hide from parent partners" marker (SPEC S11): no caller has it, so it grants
     * nothing; its presence keeps the record from the owner's ancestors in the partner hierarchy.
     */
    public static final String HIDDEN_FROM_PARENTS = "H:";
    /** The source of the "hide from parent partners" marker. */
    public static final String SOURCE_HIDE_FROM_PARENTS = "hide-from-parents";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "OBJECT_NAME", length = 63, nullable = false)
    private String objectName;

    @Column(name = "RECORD_ID", length = 36, nullable = false)
    private String recordId;

    @Column(name = "PRINCIPAL", length = 120, nullable = false)
    private String principal;

    @Column(name = "ACCESS_LEVEL", length = 1, nullable = false)
    private String accessLevel;

    /** Why the grant exists: {@code team}, {@code rule:<id>}, {@code hierarchy:<partner>}. */
    @Column(name = "SOURCE", length = 80, nullable = false)
    private String source;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "CREATED_AT", nullable = false)
    private Date createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getObjectName() { return objectName; }
    public void setObjectName(String objectName) { this.objectName = objectName; }
    public String getRecordId() { return recordId; }
    public void setRecordId(String recordId) { this.recordId = recordId; }
    public String getPrincipal() { return principal; }
    public void setPrincipal(String principal) { this.principal = principal; }
    public String getAccessLevel() { return accessLevel; }
    public void setAccessLevel(String accessLevel) { this.accessLevel = accessLevel; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
}
