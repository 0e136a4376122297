package org.openpartner.partner.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** Present when Partner is enabled for the tenant. */
@Entity
@Table(name = "OP_PARTNER_SETTINGS")
public class PartnerSettingsEntity {

    @Id
    @Column(name = "TENANT_ID", length = 36)
    private String tenantId;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "ENABLED_AT", nullable = false)
    private Date enabledAt;

    @Column(name = "ENABLED_BY", length = 36)
    private String enabledBy;

    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public Instant getEnabledAt() { return enabledAt == null ? null : enabledAt.toInstant(); }
    public void setEnabledAt(Instant enabledAt) { this.enabledAt = enabledAt == null ? null : Date.from(enabledAt); }
    public String getEnabledBy() { return enabledBy; }
    public void setEnabledBy(String enabledBy) { this.enabledBy = enabledBy; }
}
