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
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

@Entity
@Table(name = "OP_ENTERPRISE",
       uniqueConstraints = @UniqueConstraint(name = "UQ_ENTERPRISE_NAME", columnNames = "NAME_KEY"),
       indexes = @Index(name = "IX_ENTERPRISE_CREATED", columnList = "CREATED_AT"))
public class EnterpriseEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    /** Lower-case name with spaces folded: what uniqueness is checked on. */
    @Column(name = "NAME_KEY", length = 200, nullable = false)
    private String nameKey;

    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    /** True for the platform's own enterprise, which holds the platform administrator. */
    @Column(name = "PLATFORM_OWNER", nullable = false)
    private boolean platformOwner;

    /** The upstream tenant that registered this enterprise for a downstream company without an account, else null. */
    @Column(name = "REGISTERED_BY", length = 36)
    private String registeredBy;

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
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameKey() { return nameKey; }
    public void setNameKey(String nameKey) { this.nameKey = nameKey; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getRegisteredBy() { return registeredBy; }
    public void setRegisteredBy(String registeredBy) { this.registeredBy = registeredBy; }
    public boolean isPlatformOwner() { return platformOwner; }
    public void setPlatformOwner(boolean platformOwner) { this.platformOwner = platformOwner; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public Instant getUpdatedAt() { return updatedAt == null ? null : updatedAt.toInstant(); }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt == null ? null : Date.from(updatedAt); }
    public long getVersion() { return version; }
}
