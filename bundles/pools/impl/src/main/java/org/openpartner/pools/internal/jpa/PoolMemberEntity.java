package org.openpartner.pools.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * One principal of a pool: a member ({@code M}: may claim, sees the waiting records) or an admin ({@code A}: assigns,
 * moves, reads the log), named by the access model's keys ({@code C:<company>}, {@code R:<role>}, {@code U:<user>})
 * so that a caller's pools are found by the keys it already holds.
 */
@Entity
@Table(name = "OP_POOL_MEMBER",
    uniqueConstraints = @UniqueConstraint(name = "UQ_POOL_MEMBER", columnNames = {"POOL_ID", "KIND", "PRINCIPAL"}),
    indexes = @Index(name = "IX_POOL_MEMBER_PRINCIPAL", columnList = "PRINCIPAL, TENANT_ID, KIND, POOL_ID"))
public class PoolMemberEntity {

    public static final String MEMBER = "M";
    public static final String ADMIN = "A";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "POOL_ID", length = 36, nullable = false)
    private String poolId;

    @Column(name = "KIND", length = 1, nullable = false)
    private String kind;

    @Column(name = "PRINCIPAL", length = 120, nullable = false)
    private String principal;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getPoolId() { return poolId; }
    public void setPoolId(String poolId) { this.poolId = poolId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getPrincipal() { return principal; }
    public void setPrincipal(String principal) { this.principal = principal; }
}
