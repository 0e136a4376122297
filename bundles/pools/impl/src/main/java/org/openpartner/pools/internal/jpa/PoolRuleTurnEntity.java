package org.openpartner.pools.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * The rule's turn at which a target (a company {@code C:}, or a user {@code U:}) last received a record: the next
 * record goes to the eligible target that waited longest. Written only under the rule's row lock.
 */
@Entity
@Table(name = "OP_POOL_RULE_TURN",
    uniqueConstraints = @UniqueConstraint(name = "UQ_POOL_RULE_TURN", columnNames = {"RULE_ID", "TARGET_KEY"}))
public class PoolRuleTurnEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "RULE_ID", length = 36, nullable = false)
    private String ruleId;

    @Column(name = "TARGET_KEY", length = 40, nullable = false)
    private String targetKey;

    @Column(name = "LAST_TURN", nullable = false)
    private long lastTurn;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRuleId() { return ruleId; }
    public void setRuleId(String ruleId) { this.ruleId = ruleId; }
    public String getTargetKey() { return targetKey; }
    public void setTargetKey(String targetKey) { this.targetKey = targetKey; }
    public long getLastTurn() { return lastTurn; }
    public void setLastTurn(long lastTurn) { this.lastTurn = lastTurn; }
}
