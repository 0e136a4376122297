package org.openpartner.interconnect.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A rejected row of an import job; {@code companyOrdinal} tells the job's runner to skip that company. */
@Entity
@Table(name = "OP_IMPORT_REJECTION", indexes = @Index(name = "IX_IMPORT_REJECTION_JOB", columnList = "JOB_ID,LINE_NO"))
public class ImportRejectionEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "JOB_ID", length = 36, nullable = false)
    private String jobId;

    @Column(name = "COMPANY_ORDINAL", nullable = false)
    private int companyOrdinal;

    @Column(name = "LINE_NO", nullable = false)
    private int line;

    @Column(name = "COMPANY", length = 300)
    private String company;

    @Column(name = "CONTACT_NAME", length = 300)
    private String contactName;

    @Column(name = "MOBILE", length = 100)
    private String mobile;

    @Column(name = "CODE", length = 64, nullable = false)
    private String code;

    @Column(name = "FIELD", length = 64)
    private String field;

    @Column(name = "REASON", length = 1000, nullable = false)
    private String reason;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getJobId() { return jobId; }
    public void setJobId(String jobId) { this.jobId = jobId; }
    public int getCompanyOrdinal() { return companyOrdinal; }
    public void setCompanyOrdinal(int companyOrdinal) { this.companyOrdinal = companyOrdinal; }
    public int getLine() { return line; }
    public void setLine(int line) { this.line = line; }
    public String getCompany() { return company; }
    public void setCompany(String company) { this.company = company; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getField() { return field; }
    public void setField(String field) { this.field = field; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
