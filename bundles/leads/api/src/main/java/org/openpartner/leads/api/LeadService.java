package org.openpartner.leads.api;

import java.util.List;

import org.openpartner.leads.api.dto.FollowUp;
import org.openpartner.leads.api.dto.FollowUpInput;
import org.openpartner.leads.api.dto.Lead;
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
    Page<Lead> list(CallContext ctx, LeadStatus status, PageRequest page);

    /** Changes the fields the input sets (null: unchanged); an empty string clears an optional field. */
    Lead update(CallContext ctx, String leadId, LeadInput input);

    /** Marks a lead invalid or voided, with a reason; a converted lead keeps its status. */
    Lead changeStatus(CallContext ctx, String leadId, StatusChange change);

    void delete(CallContext ctx, String leadId);

    /** Records a call, visit or note: sets the lead's last follow-up time, and an assigned lead is then following. */
    FollowUp addFollowUp(CallContext ctx, String leadId, FollowUpInput input);

    /** The lead's follow-ups, newest first. */
    List<FollowUp> followUps(CallContext ctx, String leadId);
}
