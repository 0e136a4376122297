package org.openpartner.partner.internal.jpa;

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
 * A partner of a tenant. The name is unique per tenant on its folded key. The key leads the unique constraint so
 * that a lookup of many names ({@code nameKey in (…)}, bulk imports) probes it once per name: with the tenant first,
 * Derby reads every partner of the tenant instead.
 */
@Entity
@Table(name = "OP_PARTNER",
       uniqueConstraints = @UniqueConstraint(name = "UQ_PARTNER_NAME", columnNames = {"NAME_KEY", "TENANT_ID"}),
       indexes = {
           @Index(name = "IX_PARTNER_TENANT_CREATED", columnList = "TENANT_ID,CREATED_AT,ID"),
           @Index(name = "IX_PARTNER_TENANT_UPDATED", columnList = "TENANT_ID,UPDATED_AT,ID"),
           @Index(name = "IX_PARTNER_OWNER", columnList = "TENANT_ID,OWNER_USER_ID"),
           @Index(name = "IX_PARTNER_CONNECTED", columnList = "TENANT_ID,CONNECTED_ENTERPRISE_ID"),
           @Index(name = "IX_PARTNER_PARENT", columnList = "TENANT_ID,PARENT_PARTNER_ID")})
public class PartnerEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "NAME_KEY", length = 200, nullable = false)
    private String nameKey;

    @Column(name = "PARTNER_TYPE", length = 64)
    private String type;

    @Column(name = "PARTNER_LEVEL", length = 64)
    private String level;

    /** The upstream employee who owns the relationship. */
    @Column(name = "OWNER_USER_ID", length = 36)
    private String ownerUserId;

    /** The downstream company owning the record; null: upstream-owned (S4 uses it). */
    @Column(name = "OWNER_COMPANY_ID", length = 36)
    private String ownerCompanyId;

    /** Tags wrapped in commas (",gold,north,") so one tag matches with LIKE '%,tag,%'. */
    @Column(name = "TAGS", length = 1000)
    private String tags;

    @Column(name = "REGION", length = 100)
    private String region;

    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    @Column(name = "PARENT_PARTNER_ID", length = 36)
    private String parentPartnerId;

    @Column(name = "CONNECTED_ENTERPRISE_ID", length = 36)
    private String connectedEnterpriseId;

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
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameKey() { return nameKey; }
    public void setNameKey(String nameKey) { this.nameKey = nameKey; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public String getOwnerUserId() { return ownerUserId; }
    public void setOwnerUserId(String ownerUserId) { this.ownerUserId = ownerUserId; }
    public String getOwnerCompanyId() { return ownerCompanyId; }
    public void setOwnerCompanyId(String ownerCompanyId) { this.ownerCompanyId = ownerCompanyId; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getParentPartnerId() { return parentPartnerId; }
    public void setParentPartnerId(String parentPartnerId) { this.parentPartnerId = parentPartnerId; }
    public String getConnectedEnterpriseId() { return connectedEnterpriseId; }
    public void setConnectedEnterpriseId(String connectedEnterpriseId) { this.connectedEnterpriseId = connectedEnterpriseId; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public Instant getUpdatedAt() { return updatedAt == null ? null : updatedAt.toInstant(); }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt == null ? null : Date.from(updatedAt); }
    public long getVersion() { return version; }
}
