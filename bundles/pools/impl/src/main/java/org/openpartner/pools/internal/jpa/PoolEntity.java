package org.openpartner.pools.internal.jpa;

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

/** A pool's definition: its object, how records leave it and the limits of claiming. */
@Entity
@Table(name = "OP_POOL", uniqueConstraints = @UniqueConstraint(name = "UQ_POOL_NAME", columnNames = {"TENANT_ID", "NAME_KEY"}))
public class PoolEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "NAME", length = 120, nullable = false)
    private String name;

    /** The name folded for uniqueness: two pools of a tenant are not "East" and "east". */
    @Column(name = "NAME_KEY", length = 120, nullable = false)
    private String nameKey;

    @Column(name = "OBJECT_NAME", length = 63, nullable = false)
    private String objectName;

    @Column(name = "POOL_MODE", length = 20, nullable = false)
    private String mode;

    @Column(name = "REDISTRIBUTION", nullable = false)
    private boolean redistribution;

    /** Comma-separated field names. */
    @Column(name = "HIDDEN_FIELDS", length = 2000)
    private String hiddenFields;

    @Column(name = "DAILY_CLAIM_LIMIT")
    private Integer dailyClaimLimit;

    @Column(name = "USER_HOLDING_CAP")
    private Integer userHoldingCap;

    @Column(name = "COMPANY_HOLDING_CAP")
    private Integer companyHoldingCap;

    @Column(name = "CLOSED_COUNT", nullable = false)
    private boolean closedCount;

    @Column(name = "COOLDOWN_HOURS")
    private Integer cooldownHours;

    @Column(name = "RECYCLE_NO_FOLLOW_UP_DAYS")
    private Integer recycleNoFollowUpDays;

    @Column(name = "RECYCLE_NOT_CLOSED_DAYS")
    private Integer recycleNotClosedDays;

    @Column(name = "RECYCLE_TO_POOL_ID", length = 36)
    private String recycleToPoolId;

    @Column(name = "RECYCLE_REMIND_DAYS")
    private Integer recycleRemindDays;

    @Column(name = "RECYCLE_NOTIFY_ADMIN_DAYS")
    private Integer recycleNotifyAdminDays;

    /** Company holding caps by partner level, as JSON ({@code {"Gold": 20}}); null for none. */
    @Column(name = "LEVEL_CAPS", length = 4000)
    private String levelCaps;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

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
    public String getObjectName() { return objectName; }
    public void setObjectName(String objectName) { this.objectName = objectName; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public boolean isRedistribution() { return redistribution; }
    public void setRedistribution(boolean redistribution) { this.redistribution = redistribution; }
    public String getHiddenFields() { return hiddenFields; }
    public void setHiddenFields(String hiddenFields) { this.hiddenFields = hiddenFields; }
    public Integer getDailyClaimLimit() { return dailyClaimLimit; }
    public void setDailyClaimLimit(Integer dailyClaimLimit) { this.dailyClaimLimit = dailyClaimLimit; }
    public Integer getUserHoldingCap() { return userHoldingCap; }
    public void setUserHoldingCap(Integer userHoldingCap) { this.userHoldingCap = userHoldingCap; }
    public Integer getCompanyHoldingCap() { return companyHoldingCap; }
    public void setCompanyHoldingCap(Integer companyHoldingCap) { this.companyHoldingCap = companyHoldingCap; }
    public boolean isClosedCount() { return closedCount; }
    public void setClosedCount(boolean closedCount) { this.closedCount = closedCount; }
    public Integer getCooldownHours() { return cooldownHours; }
    public void setCooldownHours(Integer cooldownHours) { this.cooldownHours = cooldownHours; }
    public Integer getRecycleNoFollowUpDays() { return recycleNoFollowUpDays; }
    public void setRecycleNoFollowUpDays(Integer days) { this.recycleNoFollowUpDays = days; }
    public Integer getRecycleNotClosedDays() { return recycleNotClosedDays; }
    public void setRecycleNotClosedDays(Integer days) { this.recycleNotClosedDays = days; }
    public String getRecycleToPoolId() { return recycleToPoolId; }
    public void setRecycleToPoolId(String recycleToPoolId) { this.recycleToPoolId = recycleToPoolId; }
    public Integer getRecycleRemindDays() { return recycleRemindDays; }
    public void setRecycleRemindDays(Integer days) { this.recycleRemindDays = days; }
    public Integer getRecycleNotifyAdminDays() { return recycleNotifyAdminDays; }
    public void setRecycleNotifyAdminDays(Integer days) { this.recycleNotifyAdminDays = days; }
    public String getLevelCaps() { return levelCaps; }
    public void setLevelCaps(String levelCaps) { this.levelCaps = levelCaps; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public Instant getUpdatedAt() { return updatedAt == null ? null : updatedAt.toInstant(); }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt == null ? null : Date.from(updatedAt); }
    public long getVersion() { return version; }
}
