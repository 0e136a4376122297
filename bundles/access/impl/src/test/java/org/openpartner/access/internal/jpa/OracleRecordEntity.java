package org.openpartner.access.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A shareable record as every capability stores one: what the visibility filter's condition names. */
@Entity
@Table(name = "OP_TEST_ORACLE_RECORD")
public class OracleRecordEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "OWNER_USER_ID", length = 36)
    private String ownerUserId;

    @Column(name = "OWNER_COMPANY_ID", length = 36)
    private String ownerCompanyId;

    @Column(name = "NAME", length = 36)
    private String name;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getOwnerUserId() { return ownerUserId; }
    public void setOwnerUserId(String ownerUserId) { this.ownerUserId = ownerUserId; }
    public String getOwnerCompanyId() { return ownerCompanyId; }
    public void setOwnerCompanyId(String ownerCompanyId) { this.ownerCompanyId = ownerCompanyId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
