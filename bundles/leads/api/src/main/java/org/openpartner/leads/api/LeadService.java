package org.openpartner.leads.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

import org.openpartner.leads.api.dto.ConversionInput;
import org.openpartner.leads.api.dto.FollowUp;
import org.openpartner.leads.api.dto.FollowUpInput;
import org.openpartner.leads.api.dto.Lead;
import org.openpartner.leads.api.dto.LeadConversion;
import org.openpartner.leads.api.dto.LeadImport;
import org.openpartner.leads.api.dto.LeadInput;
import org.openpartner.leads.api.dto.LeadStatus;
import org.openpartner.leads.api.dto.StatusChange;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Leads of a tenant under the access model (SPEC S4): every read is filtered by the caller's reach, a lead out of
 * reach is "not found", writes need write reach and the object's permissions, and hidden fields never leave.
 * External users reach leads through the SharePartner app of their connection.
 */
@ProviderType
public interface LeadService {

    /** The object name leads register with the access model. */
    String OBJECT = "lead";

    /** Creates a lead owned by the caller (and its company); it is {@link LeadStatus#ASSIGNED} to its owner. */
    Lead create(CallContext ctx, LeadInput input);

    Lead get(CallContext ctx, String leadId);

    /** The leads the caller may read, newest first; {@code status} narrows them (null: every status). */
    default Page<Lead> list(CallContext ctx, LeadStatus status, PageRequest page) {
        return list(ctx, status, null, page);
    }

    /** The leads the caller may read, as {@link #list(CallContext, LeadStatus, PageRequest)}, of one pool. */
    Page<Lead> list(CallContext ctx, LeadStatus status, String poolId, PageRequest page);

    /** Changes the fields the input sets (null: unchanged); an empty string clears an optional field. */
    Lead update(CallContext ctx, String leadId, LeadInput input);

    /** Marks a lead invalid or voided, with a reason; a converted lead keeps its status. */
    Lead changeStatus(CallContext ctx, String leadId, StatusChange change);

    void delete(CallContext ctx, String leadId);

    /** Records a call, visit or note: sets the lead's last follow-up time, and an assigned lead is then following. */
    FollowUp addFollowUp(CallContext ctx, String leadId, FollowUpInput input);

    /** The lead's follow-ups, newest first. */
    List<FollowUp> followUps(CallContext ctx, String leadId);

    /**
     * Converts an open lead the caller may change into an account (new, or one it may change), a contact of that
     * account and optionally an opportunity placeholder, in one unit: all or nothing. Needs the lead's convert action
     * and the account's create (for a new account) and edit actions. Lead fields the caller cannot see are not
     * copied. The lead is then {@link LeadStatus#CONVERTED}; a pooled lead stops counting as held; lead.converted is
     * published.
     *
     * @since 1.2
     */
    LeadConversion convert(CallContext ctx, String leadId, ConversionInput input);

    /**
     * What the lead was converted into, if it was.
     *
     * @since 1.2
     */
    java.util.Optional<LeadConversion> conversion(CallContext ctx, String leadId);

    /**
     * Creates leads from a CSV file (UTF-8, a header row naming fields by name or label, e.g. {@code name} or
     * {@code Company}), owned by the caller: all of them, or when any row is wrong none, with every wrong row. Needs
     * the import and create actions, and write access to every column's field.
     *
     * @throws org.openpartner.platform.api.ApiException 400 naming the column (line 1) when the header is wrong,
     *         413 when the file is larger than {@value #MAX_IMPORT_BYTES} bytes or has more than
     *         {@value #MAX_IMPORT_ROWS} rows
     */
    LeadImport importCsv(CallContext ctx, InputStream csv);

    /**
     * The leads the caller may read (newest first, {@code status} narrowing them) as CSV: the fields it may see,
     * cells a spreadsheet would run as formulas neutralised. Needs the export action, checked now; the returned
     * writer reads the leads page by page as it writes them.
     */
    Consumer<OutputStream> exportCsv(CallContext ctx, LeadStatus status);

    /** The largest CSV file one import takes. */
    long MAX_IMPORT_BYTES = 10L * 1024 * 1024;

    /** The most rows one import takes. */
    int MAX_IMPORT_ROWS = 20_000;
}
