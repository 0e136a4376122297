package org.openpartner.interconnect.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** An upstream's settings for one app: access scope and the external roles that may use it. */
@Entity
@Table(name = "OP_APP_SETTINGS",
       uniqueConstraints = @UniqueConstraint(name = "UQ_APP_SETTINGS", columnNames = {"TENANT_ID", "APP_ID"}))
public class AppSettingsEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "APP_ID", length = 64, nullable = false)
    private String appId;

    @Column(name = "SCOPE", length = 20, nullable = false)
    private String scope;

    @Column(name = "ROLES", length = 1000)
    private String roles;

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
    public String getAppId() { return appId; }
    public void setAppId(String appId) { this.appId = appId; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public String getRoles() { return roles; }
    public void setRoles(String roles) { this.roles = roles; }
    public Instant getUpdatedAt() { return updatedAt == null ? null : updatedAt.toInstant(); }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt == null ? null : Date.from(updatedAt); }
    public long getVersion() { return version; }
}
