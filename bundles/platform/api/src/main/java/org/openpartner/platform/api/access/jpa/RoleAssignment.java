package org.openpartner.platform.api.access.jpa;

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
 * Read-only view of the platform's role assignments (which user holds which role in a tenant), for the visibility
 * filter's sharing rules whose source is a role. The platform writes the table; nothing writes through this. The
 * mapping is the whole table, constraints and indexes as the platform's own entity declares them: whichever
 * persistence unit starts first creates the table (a unit that meets an existing table adds no index to it), and a
 * table created from a mapping without them left every login and request scanning it.
 */
@Entity
@Table(name = "OP_USER_ROLE",
       uniqueConstraints = @UniqueConstraint(name = "UQ_USER_ROLE", columnNames = {"USER_ID", "TENANT_ID", "ROLE_KEY"}),
       indexes = {
           @Index(name = "IX_USER_ROLE_KEY", columnList = "ROLE_KEY, TENANT_ID, USER_ID")})
public class RoleAssignment {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "ROLE_KEY", length = 64, nullable = false)
    private String roleKey;

    @Column(name = "CREATED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date createdAt;

    public String getId() { return id; }
    public String getTenantId() { return tenantId; }
    public String getUserId() { return userId; }
    public String getRoleKey() { return roleKey; }
}
