package org.openpartner.leads.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** What a lead was converted into, keyed by the lead; the opportunity columns hold the placeholder asked for. */
@Entity
@Table(name = "OP_LEAD_CONVERSION")
public class LeadConversionEntity {

    @Id
    @Column(name = "LEAD_ID", length = 36)
    private String leadId;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "CONTACT_ID", length = 36, nullable = false)
    private String contactId;

    @Column(name = "OPPORTUNITY_NAME", length = 200)
    private String opportunityName;

    @Column(name = "OPPORTUNITY_AMOUNT", precision = 18, scale = 2)
    private BigDecimal opportunityAmount;

    @Temporal(TemporalType.DATE)
    @Column(name = "OPPORTUNITY_CLOSE_DATE")
    private Date opportunityCloseDate;

    /** Set by the opportunities capability once it created the opportunity. */
    @Column(name = "OPPORTUNITY_ID", length = 36)
    private String opportunityId;

    @Column(name = "CONVERTED_BY", length = 36, nullable = false)
    private String convertedBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "CONVERTED_AT", nullable = false)
    private Date convertedAt;

    public String getLeadId() { return leadId; }
    public void setLeadId(String leadId) { this.leadId = leadId; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getAccountId() { return accountId; }
    public void setAccountId(String accountId) { this.accountId = accountId; }
    public String getContactId() { return contactId; }
    public void setContactId(String contactId) { this.contactId = contactId; }
    public String getOpportunityName() { return opportunityName; }
    public void setOpportunityName(String opportunityName) { this.opportunityName = opportunityName; }
    public BigDecimal getOpportunityAmount() { return opportunityAmount; }
    public void setOpportunityAmount(BigDecimal amount) { this.opportunityAmount = amount; }
    public LocalDate getOpportunityCloseDate() {
        return opportunityCloseDate == null ? null
            : new java.sql.Date(opportunityCloseDate.getTime()).toLocalDate();
    }
    public void setOpportunityCloseDate(LocalDate date) {
        this.opportunityCloseDate = date == null ? null : java.sql.Date.valueOf(date);
    }
    public String getOpportunityId() { return opportunityId; }
    public void setOpportunityId(String opportunityId) { this.opportunityId = opportunityId; }
    public String getConvertedBy() { return convertedBy; }
    public void setConvertedBy(String convertedBy) { this.convertedBy = convertedBy; }
    public Instant getConvertedAt() { return convertedAt == null ? null : convertedAt.toInstant(); }
    public void setConvertedAt(Instant at) { this.convertedAt = at == null ? null : Date.from(at); }
}
