package org.openpartner.pools.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * A count a limit is checked against, changed only by conditional updates ({@code set n = n + 1 where n < limit}):
 * the claims of one user on one day ({@code D:<user>:<yyyy-mm-dd>}), the records one user ({@code U:<user>}) or one
 * company ({@code C:<company>}) holds from the pool. The row lock of the update orders concurrent claims, on one
 * node or several.
 */
@Entity
@Table(name = "OP_POOL_COUNTER",
    uniqueConstraints = @UniqueConstraint(name = "UQ_POOL_COUNTER", columnNames = {"POOL_ID", "COUNTER_KEY"}))
public class PoolCounterEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "POOL_ID", length = 36, nullable = false)
    private String poolId;

    @Column(name = "COUNTER_KEY", length = 120, nullable = false)
    private String counterKey;

    @Column(name = "AMOUNT", nullable = false)
    private int n;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getPoolId() { return poolId; }
    public void setPoolId(String poolId) { this.poolId = poolId; }
    public String getCounterKey() { return counterKey; }
    public void setCounterKey(String counterKey) { this.counterKey = counterKey; }
    public int getN() { return n; }
    public void setN(int n) { this.n = n; }
}
