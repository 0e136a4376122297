package org.openpartner.itests.widgets.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

/** A shareable record: tenant, owning user and owning company are what the access model's filter reads. */
@Entity
// Indexes for the access filter's ownership alternatives and the list's order (the access benchmark lists them).
// The ownership indexes cover what an alternative reads (tenant check, order, id), so a distributor's thousands of
// records below it are ordered from the index alone, without reading each row.
@Table(name = "OP_TEST_WIDGET", indexes = {
    @Index(name = "IX_TEST_WIDGET_OWNER", columnList = "OWNER_USER_ID, TENANT_ID, NAME, ID"),
    @Index(name = "IX_TEST_WIDGET_COMPANY", columnList = "OWNER_COMPANY_ID, TENANT_ID, NAME, ID"),
    @Index(name = "IX_TEST_WIDGET_NAME", columnList = "TENANT_ID, NAME, ID")})
public class WidgetEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "OWNER_USER_ID", length = 36, nullable = false)
    private String ownerUserId;

    @Column(name = "OWNER_COMPANY_ID", length = 36)
    private String ownerCompanyId;

    @Column(name = "NAME", length = 200, nullable = false)
    private String name;

    @Column(name = "PRICE")
    private Integer price;

    @Column(name = "SECRET", length = 200)
    private String secret;

    @Column(name = "RECORD_TYPE", length = 64)
    private String recordType;

    @Version
    @Column(name = "VERSION")
    private long version;

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
    public Integer getPrice() { return price; }
    public void setPrice(Integer price) { this.price = price; }
    public String getRecordType() { return recordType; }
    public void setRecordType(String recordType) { this.recordType = recordType; }
    public String getSecret() { return secret; }
    public void setSecret(String secret) { this.secret = secret; }
    public long getVersion() { return version; }
}
