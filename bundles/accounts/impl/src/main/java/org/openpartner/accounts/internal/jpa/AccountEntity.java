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
import javax.persistence.Version;

/**
 * A customer account. The registration id is unique per tenant on its folded key (the key leads the constraint so a
 * lookup by key probes the index); an account without one stores {@code #<id>}, which no folded id equals, because
 * OpenJPA on Derby makes unique columns NOT NULL. The indexes serve the visibility filter's ownership alternatives in
 * the list's order (newest first), the tenant-wide list of channel staff and a pool's accounts.
 */
@Entity
@Table(name = "OP_ACCOUNT", uniqueConstraints = @UniqueConstraint(name = "UQ_ACCOUNT_REG",
    columnNames = {"REG_KEY", "TENANT_ID"}), indexes = {
    @Index(name = "IX_ACCOUNT_OWNER", columnList = "OWNER_USER_ID, TENANT_ID, CREATED_AT, ID"),
    @Index(name = "IX_ACCOUNT_COMPANY", columnList = "OWNER_COMPANY_ID, TENANT_ID, CREATED_AT, ID"),
    @Index(name = "IX_ACCOUNT_TENANT", columnList = "TENANT_ID, CREATED_AT, ID"),
    @Index(name = "IX_ACCOUNT_POOL", columnList = "POOL_ID, TENANT_ID, CREATED_AT, ID")})
public class AccountEntity {

    /** The key an account without a registration id stores. */
    public static final String NO_REGISTRATION = "#";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    /** Null while the account waits in a pool unclaimed. */
    @Column(name = "OWNER_USER_ID", length = 36)
    private String ownerUserId;

    /** The owner's downstream company; null for accounts the upstream's employees hold. */
    @Column(name = "OWNER_COMPANY_ID", length = 36)
    private String ownerCompanyId;

    /** The pool the account waits in or was claimed from; the pool engine decides, this only mirrors it. */
    @Column(name = "POOL_ID", length = 36)
    private String poolId;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "REGISTRATION_ID", length = 40)
    private String registrationId;

    @Column(name = "REG_KEY", length = 40, nullable = false)
    private String registrationKey;

    @Column(name = "INDUSTRY", length = 100)
    private String industry;

    @Column(name = "REGION", length = 100)
    private String region;

    @Column(name = "ADDRESS", length = 400)
    private String address;

    @Column(name = "RECORD_TYPE", length = 64)
    private String recordType;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "CREATED_AT", nullable = false)
    private Date createdAt;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "UPDATED_AT", nullable = false)
    private Date updatedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getOwnerUserId() { return ownerUserId; }
    public void setOwnerUserId(String ownerUserId) { this.ownerUserId = ownerUserId; }
    public String getOwnerCompanyId() { return ownerCompanyId; }
    public void setOwnerCompanyId(String ownerCompanyId) { this.ownerCompanyId = ownerCompanyId; }
    public String getPoolId() { return poolId; }
    public void setPoolId(String poolId) { this.poolId = poolId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRegistrationId() { return registrationId; }
    public String getRegistrationKey() { return registrationKey; }

    /** Sets the registration id and its key (the id's own key, or the no-id key for this record). */
    public void setRegistrationId(String registrationId, String key) {
        this.registrationId = registrationId;
        this.registrationKey = registrationId == null ? NO_REGISTRATION + id : key;
    }

    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getRecordType() { return recordType; }
    public void setRecordType(String recordType) { this.recordType = recordType; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public Instant getUpdatedAt() { return updatedAt == null ? null : updatedAt.toInstant(); }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt == null ? null : Date.from(updatedAt); }
    public long getVersion() { return version; }
}
