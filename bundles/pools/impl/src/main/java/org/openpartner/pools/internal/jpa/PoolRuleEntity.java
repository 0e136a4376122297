package org.openpartner.pools.internal.jpa;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * A distribution rule of a pool. {@code TURN} counts the records the rule handed out: the row is locked while the
 * rule decides, so that two nodes distributing at once take turns one after the other and the turns stay fair. No
 * version column: the row lock serialises every writer, and OpenJPA would compare versions when it takes the lock.
 */
@Entity
@Table(name = "OP_POOL_RULE", indexes = @Index(name = "IX_POOL_RULE_POOL", columnList = "POOL_ID, POSITION"))
public class PoolRuleEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "POOL_ID", length = 36, nullable = false)
    private String poolId;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "NAME", length = 120, nullable = false)
    private String name;

    @Column(name = "STRATEGY", length = 20, nullable = false)
    private String strategy;

    /** The conditions as JSON ({@code [{"field":..,"operator":..,"values":[..]}]}). */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "CONDITIONS")
    private String conditions;

    /** The targets' principal keys ({@code C:}, {@code U:}, {@code R:}), comma-separated, in order. */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "TARGETS")
    private String targets;

    @Column(name = "TERRITORY_RECORD_FIELD", length = 63)
    private String territoryRecordField;

    @Column(name = "TERRITORY_PARTNER_FIELD", length = 20)
    private String territoryPartnerField;

    @Column(name = "TURN", nullable = false)
    private long turn;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getPoolId() { return poolId; }
    public void setPoolId(String poolId) { this.poolId = poolId; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getStrategy() { return strategy; }
    public void setStrategy(String strategy) { this.strategy = strategy; }
    public String getConditions() { return conditions; }
    public void setConditions(String conditions) { this.conditions = conditions; }
    public String getTargets() { return targets; }
    public void setTargets(String targets) { this.targets = targets; }
    public String getTerritoryRecordField() { return territoryRecordField; }
    public void setTerritoryRecordField(String territoryRecordField) { this.territoryRecordField = territoryRecordField; }
    public String getTerritoryPartnerField() { return territoryPartnerField; }
    public void setTerritoryPartnerField(String territoryPartnerField) { this.territoryPartnerField = territoryPartnerField; }
    public long getTurn() { return turn; }
    public void setTurn(long turn) { this.turn = turn; }
}
