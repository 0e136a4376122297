package org.openpartner.platform.api.access.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Read-only view of the platform's role assignments (which user holds which role in a tenant), for the visibility
 * filter's sharing rules whose source is a role. The platform writes the table; nothing writes through this.
 */
@Entity
@Table(name = "OP_USER_ROLE")
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

    public String getId() { return id; }
    public String getTenantId() { return tenantId; }
    public String getUserId() { return userId; }
    public String getRoleKey() { return roleKey; }
}
