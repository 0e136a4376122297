package org.openpartner.accounts.internal.jpa;

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
 * A company of an upstream's imported business-info data set, read by the default provider: one per registration id
 * (its folded key leads the constraint), found by id or by name prefix (the folded name, tenant first).
 */
@Entity
@Table(name = "OP_BUSINESS_INFO", uniqueConstraints = @UniqueConstraint(name = "UQ_BUSINESS_INFO_REG",
    columnNames = {"REG_KEY", "TENANT_ID"}),
    indexes = @Index(name = "IX_BUSINESS_INFO_NAME", columnList = "TENANT_ID, NAME_KEY"))
public class BusinessInfoEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "REGISTRATION_ID", length = 40, nullable = false)
    private String registrationId;

    @Column(name = "REG_KEY", length = 40, nullable = false)
    private String registrationKey;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "NAME_KEY", length = 200, nullable = false)
    private String nameKey;

    @Column(name = "INDUSTRY", length = 100)
    private String industry;

    @Column(name = "REGION", length = 100)
    private String region;

    @Column(name = "ADDRESS", length = 400)
    private String address;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "IMPORTED_AT", nullable = false)
    private Date importedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getRegistrationId() { return registrationId; }
    public void setRegistrationId(String registrationId) { this.registrationId = registrationId; }
    public String getRegistrationKey() { return registrationKey; }
    public void setRegistrationKey(String registrationKey) { this.registrationKey = registrationKey; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameKey() { return nameKey; }
    public void setNameKey(String nameKey) { this.nameKey = nameKey; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Instant getImportedAt() { return importedAt == null ? null : importedAt.toInstant(); }
    public void setImportedAt(Instant importedAt) { this.importedAt = importedAt == null ? null : Date.from(importedAt); }
}
