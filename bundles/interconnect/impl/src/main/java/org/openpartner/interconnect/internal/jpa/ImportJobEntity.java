package org.openpartner.interconnect.internal.jpa;

import java.time.Instant;
import java.util.Date;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * A bulk import: the uploaded file (kept until the job finishes, so a restarted node re-reads the same plan), the
 * cursor over the file's companies, the counters, who submitted it (the job acts with that context) and which
 * node runs it (a lease renewed with every step, so another node takes over a job whose node died).
 */
@Entity
@Table(name = "OP_IMPORT_JOB", indexes = {
    @Index(name = "IX_IMPORT_JOB_TENANT", columnList = "TENANT_ID,ID"),
    @Index(name = "IX_IMPORT_JOB_STATUS", columnList = "STATUS")})
public class ImportJobEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "FILE_NAME", length = 255, nullable = false)
    private String fileName;

    @Column(name = "FORMAT", length = 8, nullable = false)
    private String format;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CONTENT")
    private byte[] content;

    @Column(name = "ROLES", length = 1000)
    private String roles;

    @Column(name = "APPS", length = 1000)
    private String apps;

    /** Cleared when the job finishes. */
    @Column(name = "INITIAL_PASSWORD", length = 200)
    private String initialPassword;

    @Column(name = "TOTAL_ROWS", nullable = false)
    private int totalRows;

    @Column(name = "TOTAL_COMPANIES", nullable = false)
    private int totalCompanies;

    /** The ordinal of the next company of the file to import. */
    @Column(name = "NEXT_COMPANY", nullable = false)
    private int nextCompany;

    @Column(name = "PROCESSED_ROWS", nullable = false)
    private int processedRows;

    @Column(name = "PROCESSED_COMPANIES", nullable = false)
    private int processedCompanies;

    @Column(name = "IMPORTED_ROWS", nullable = false)
    private int importedRows;

    @Column(name = "IMPORTED_COMPANIES", nullable = false)
    private int importedCompanies;

    @Column(name = "REJECTED_ROWS", nullable = false)
    private int rejectedRows;

    @Column(name = "REJECTED_COMPANIES", nullable = false)
    private int rejectedCompanies;

    @Column(name = "CANCEL_REQUESTED", nullable = false)
    private boolean cancelRequested;

    @Column(name = "RUNNER_ID", length = 36)
    private String runnerId;

    @Column(name = "HEARTBEAT_AT")
    @Temporal(TemporalType.TIMESTAMP)
    private Date heartbeatAt;

    @Column(name = "ERROR", length = 1000)
    private String error;

    @Column(name = "CREATED_BY", length = 36, nullable = false)
    private String createdBy;

    @Column(name = "CREATOR_LOGIN", length = 200)
    private String creatorLogin;

    @Column(name = "CREATOR_NAME", length = 200)
    private String creatorName;

    @Column(name = "CREATOR_HOME", length = 36)
    private String creatorHome;

    @Column(name = "CREATOR_ROLES", length = 1000)
    private String creatorRoles;

    @Column(name = "CREATOR_TENANT_ADMIN", nullable = false)
    private boolean creatorTenantAdmin;

    @Column(name = "CREATOR_PLATFORM_ADMIN", nullable = false)
    private boolean creatorPlatformAdmin;

    @Column(name = "CREATED_AT", nullable = false)
    @Temporal(TemporalType.TIMESTAMP)
    private Date createdAt;

    @Column(name = "STARTED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    private Date startedAt;

    @Column(name = "FINISHED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    private Date finishedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getFileName() { return fileName; }
    public void setFileName(String fileName) { this.fileName = fileName; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public byte[] getContent() { return content; }
    public void setContent(byte[] content) { this.content = content; }
    public String getRoles() { return roles; }
    public void setRoles(String roles) { this.roles = roles; }
    public String getApps() { return apps; }
    public void setApps(String apps) { this.apps = apps; }
    public String getInitialPassword() { return initialPassword; }
    public void setInitialPassword(String initialPassword) { this.initialPassword = initialPassword; }
    public int getTotalRows() { return totalRows; }
    public void setTotalRows(int totalRows) { this.totalRows = totalRows; }
    public int getTotalCompanies() { return totalCompanies; }
    public void setTotalCompanies(int totalCompanies) { this.totalCompanies = totalCompanies; }
    public int getNextCompany() { return nextCompany; }
    public void setNextCompany(int nextCompany) { this.nextCompany = nextCompany; }
    public int getProcessedRows() { return processedRows; }
    public void setProcessedRows(int processedRows) { this.processedRows = processedRows; }
    public int getProcessedCompanies() { return processedCompanies; }
    public void setProcessedCompanies(int processedCompanies) { this.processedCompanies = processedCompanies; }
    public int getImportedRows() { return importedRows; }
    public void setImportedRows(int importedRows) { this.importedRows = importedRows; }
    public int getImportedCompanies() { return importedCompanies; }
    public void setImportedCompanies(int importedCompanies) { this.importedCompanies = importedCompanies; }
    public int getRejectedRows() { return rejectedRows; }
    public void setRejectedRows(int rejectedRows) { this.rejectedRows = rejectedRows; }
    public int getRejectedCompanies() { return rejectedCompanies; }
    public void setRejectedCompanies(int rejectedCompanies) { this.rejectedCompanies = rejectedCompanies; }
    public boolean isCancelRequested() { return cancelRequested; }
    public void setCancelRequested(boolean cancelRequested) { this.cancelRequested = cancelRequested; }
    public String getRunnerId() { return runnerId; }
    public void setRunnerId(String runnerId) { this.runnerId = runnerId; }
    public Instant getHeartbeatAt() { return heartbeatAt == null ? null : heartbeatAt.toInstant(); }
    public void setHeartbeatAt(Instant heartbeatAt) { this.heartbeatAt = heartbeatAt == null ? null : Date.from(heartbeatAt); }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatorLogin() { return creatorLogin; }
    public void setCreatorLogin(String creatorLogin) { this.creatorLogin = creatorLogin; }
    public String getCreatorName() { return creatorName; }
    public void setCreatorName(String creatorName) { this.creatorName = creatorName; }
    public String getCreatorHome() { return creatorHome; }
    public void setCreatorHome(String creatorHome) { this.creatorHome = creatorHome; }
    public String getCreatorRoles() { return creatorRoles; }
    public void setCreatorRoles(String creatorRoles) { this.creatorRoles = creatorRoles; }
    public boolean isCreatorTenantAdmin() { return creatorTenantAdmin; }
    public void setCreatorTenantAdmin(boolean creatorTenantAdmin) { this.creatorTenantAdmin = creatorTenantAdmin; }
    public boolean isCreatorPlatformAdmin() { return creatorPlatformAdmin; }
    public void setCreatorPlatformAdmin(boolean creatorPlatformAdmin) { this.creatorPlatformAdmin = creatorPlatformAdmin; }
    public Instant getCreatedAt() { return createdAt == null ? null : createdAt.toInstant(); }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt == null ? null : Date.from(createdAt); }
    public Instant getStartedAt() { return startedAt == null ? null : startedAt.toInstant(); }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt == null ? null : Date.from(startedAt); }
    public Instant getFinishedAt() { return finishedAt == null ? null : finishedAt.toInstant(); }
    public void setFinishedAt(Instant finishedAt) { this.finishedAt = finishedAt == null ? null : Date.from(finishedAt); }
}
