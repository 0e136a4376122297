package org.openpartner.platform.api.access;

/**
 * Which records of an object the users of a downstream company see and edit (SPEC S4), set per upstream, object
 * and company. Records "owned within" a company are those its users own; a user always sees and edits its own.
 */
public enum DataScope {
    /** Their own records (and, with sharing, those shared with them). */
    PRIVATE(false, false, false, false),
    /** Reads every record owned within their company; writes as {@link #PRIVATE}. */
    COMPANY_READ_ONLY(true, false, false, false),
    /** Reads and writes every record owned within their company. */
    COMPANY_READ_WRITE(true, true, false, false),
    /** Reads the object's records of every downstream company of the upstream; writes as company read-write. */
    PUBLIC_READ_ONLY(true, true, true, false),
    /** Reads and writes the object's records of every downstream company of the upstream. */
    PUBLIC_READ_WRITE(true, true, true, true);

    private final boolean readsCompany;
    private final boolean writesCompany;
    private final boolean readsAllCompanies;
    private final boolean writesAllCompanies;

    DataScope(boolean readsCompany, boolean writesCompany, boolean readsAllCompanies, boolean writesAllCompanies) {
        this.readsCompany = readsCompany;
        this.writesCompany = writesCompany;
        this.readsAllCompanies = readsAllCompanies;
        this.writesAllCompanies = writesAllCompanies;
    }

    /** Whether the records of the user's own company are in reach for reading ({@code WRITE}: for writing). */
    public boolean coversCompany(RecordAccess access) {
        return access == RecordAccess.READ ? readsCompany : writesCompany;
    }

    /** Whether the records of every downstream company are in reach for reading ({@code WRITE}: for writing). */
    public boolean coversAllCompanies(RecordAccess access) {
        return access == RecordAccess.READ ? readsAllCompanies : writesAllCompanies;
    }
}
