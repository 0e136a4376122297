package org.openpartner.interconnect.internal.jpa;


import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A company (and, for contact scope, one of its users) within an app's access scope. */
@Entity
@Table(name = "OP_APP_SCOPE_ENTRY",
       indexes = @Index(name = "IX_APP_SCOPE", columnList = "TENANT_ID,APP_ID,COMPANY_ID"))
public class AppScopeEntryEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "APP_ID", length = 64, nullable = false)
    private String appId;

    @Column(name = "COMPANY_ID", length = 36, nullable = false)
    private String companyId;

    @Column(name = "USER_ID", length = 36)
    private String userId;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getAppId() { return appId; }
    public void setAppId(String appId) { this.appId = appId; }
    public String getCompanyId() { return companyId; }
    public void setCompanyId(String companyId) { this.companyId = companyId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
}
