package org.openpartner.leads.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** A call, visit or note on a lead. */
@Entity
@Table(name = "OP_LEAD_FOLLOW_UP", indexes = @Index(name = "IX_LEAD_FOLLOW_UP_LEAD", columnList = "LEAD_ID, AT_TIME, ID"))
public class FollowUpEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "LEAD_ID", length = 36, nullable = false)
    private String leadId;

    /** A {@link org.openpartner.leads.api.dto.FollowUpKind} name. */
    @Column(name = "KIND", length = 10, nullable = false)
    private String kind;

    @Column(name = "NOTE", length = 4000)
    private String note;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "AT_TIME", nullable = false)
    private Date at;

    @Column(name = "CREATED_BY", length = 36, nullable = false)
    private String createdBy;

    /** The creator's downstream company; null for the upstream's employees. */
    @Column(name = "CREATED_BY_COMPANY_ID", length = 36)
    private String createdByCompanyId;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getLeadId() { return leadId; }
    public void setLeadId(String leadId) { this.leadId = leadId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Instant getAt() { return at == null ? null : at.toInstant(); }
    public void setAt(Instant at) { this.at = at == null ? null : Date.from(at); }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatedByCompanyId() { return createdByCompanyId; }
    public void setCreatedByCompanyId(String companyId) { this.createdByCompanyId = companyId; }
}
