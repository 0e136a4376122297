package org.openpartner.interconnect.internal.jpa;

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

/** An app enabled for a connected company. */
@Entity
@Table(name = "OP_CONNECTION_APP",
       uniqueConstraints = @UniqueConstraint(name = "UQ_CONNECTION_APP", columnNames = {"CONNECTION_ID", "APP_ID"}),
       indexes = @Index(name = "IX_CONNECTION_APP_TENANT", columnList = "TENANT_ID,APP_ID"))
public class ConnectionAppEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "CONNECTION_ID", length = 36, nullable = false)
    private String connectionId;

    @Column(name = "APP_ID", length = 64, nullable = false)
    private String appId;

    @Column(name = "ENABLED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date enabledAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getConnectionId() { return connectionId; }
    public void setConnectionId(String connectionId) { this.connectionId = connectionId; }
    public String getAppId() { return appId; }
    public void setAppId(String appId) { this.appId = appId; }
    public Instant getEnabledAt() { return enabledAt == null ? null : enabledAt.toInstant(); }
    public void setEnabledAt(Instant enabledAt) { this.enabledAt = enabledAt == null ? null : Date.from(enabledAt); }
}
