package org.openpartner.platform.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.PrePersist;
import javax.persistence.PreUpdate;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** A platform user. Login name and mobile are each unique across the platform: they are identities. */
@Entity
@Table(name = "OP_USER",
       uniqueConstraints = {
           @UniqueConstraint(name = "UQ_USER_LOGIN", columnNames = "LOGIN_KEY"),
           @UniqueConstraint(name = "UQ_USER_MOBILE", columnNames = "MOBILE")},
       indexes = @Index(name = "IX_USER_ENTERPRISE", columnList = "ENTERPRISE_ID"))
public class UserEntity {

    private static final String ABSENT = "#";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ENTERPRISE_ID", length = 36, nullable = false)
    private String enterpriseId;

    @Column(name = "LOGIN_NAME", length = 100)
    private String loginName;

    /**
     * Lower-case login name. Login name and mobile are each optional but unique; Derby requires the columns of a
     * unique constraint to be NOT NULL, so an absent one is stored as {@code #<id>}, which no login or E.164
     * mobile can equal, and read back as null.
     */
    @Column(name = "LOGIN_KEY", length = 100, nullable = false)
    private String loginKey;

    /** E.164 mobile number. */
    @Column(name = "MOBILE", length = 40, nullable = false)
    private String mobile;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "EMAIL", length = 254)
    private String email;

    @Column(name = "PASSWORD_HASH", length = 512, nullable = false)
    private String passwordHash;

    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    @Column(name = "TENANT_ADMIN", nullable = false)
    private boolean tenantAdmin;

    @Column(name = "PLATFORM_ADMIN", nullable = false)
    private boolean platformAdmin;

    /** Set when someone else chose the password (an upstream creating an external user): change it first. */
    @Column(name = "PASSWORD_CHANGE_REQUIRED", nullable = false)
    private boolean passwordChangeRequired;

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
    public String getEnterpriseId() { return enterpriseId; }
    public void setEnterpriseId(String enterpriseId) { this.enterpriseId = enterpriseId; }
    @PrePersist
    @PreUpdate
    void fillAbsentIdentities() {
        if (loginKey == null) {
            loginKey = ABSENT + id;
        }
        if (mobile == null) {
            mobile = ABSENT + id;
        }
    }

    public String getLoginName() { return loginName; }
    public void setLoginName(String loginName) { this.loginName = loginName; }
    public String getLoginKey() { return loginKey == null || loginKey.startsWith(ABSENT) ? null : loginKey; }
    public void setLoginKey(String loginKey) { this.loginKey = loginKey; }
    public String getMobile() { return mobile == null || mobile.startsWith(ABSENT) ? null : mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public boolean isTenantAdmin() { return tenantAdmin; }
    public void setTenantAdmin(boolean tenantAdmin) { this.tenantAdmin = tenantAdmin; }
    public boolean isPlatformAdmin() { return platformAdmin; }
    public void setPlatformAdmin(boolean platformAdmin) { this.platformAdmin = platformAdmin; }
    public boolean isPasswordChangeRequired() { return passwordChangeRequired; }
    public void setPasswordChangeRequired(boolean passwordChangeRequired) { this.passwordChangeRequired = passwordChangeRequired; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public Instant getUpdatedAt() { return updatedAt == null ? null : updatedAt.toInstant(); }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt == null ? null : Date.from(updatedAt); }
    public long getVersion() { return version; }
}
