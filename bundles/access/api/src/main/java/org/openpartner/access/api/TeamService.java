package org.openpartner.access.api;

import java.util.List;

import org.openpartner.access.api.dto.PartnerTeamInput;
import org.openpartner.access.api.dto.PartnerTeamMember;
import org.openpartner.access.api.dto.TeamMember;
import org.openpartner.access.api.dto.TeamMemberInput;
import org.openpartner.platform.api.CallContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Related teams (SPEC S4) and partner teams (SPEC S11) on records of shareable objects: members, internal or external users of the tenant,
 * read (or read and change) the record whatever their data scope. Who may read the record sees its team; who may
 * change it changes its team ("invite to follow up"). A record out of the caller's reach is "not found".
 */
@ProviderType
public interface TeamService {

    List<TeamMember> members(CallContext ctx, String objectName, String recordId);

    /** Adds the member, or changes its access when it is one already. */
    TeamMember addMember(CallContext ctx, String objectName, String recordId, TeamMemberInput input);

    void removeMember(CallContext ctx, String objectName, String recordId, String userId);

    /**
     * The record's partner team (SPEC S11): the downstream companies that work it, whose users reach it whatever
     * their data scope. Channel staff see every company on it; an external user, who may read the record, sees
     * only its own company's entry (the partners working a record need not learn of each other).
     */
    List<PartnerTeamMember> partners(CallContext ctx, String objectName, String recordId);

    /** Channel staff only: puts a downstream company of the tenant on the partner team, or changes its access. */
    PartnerTeamMember addPartner(CallContext ctx, String objectName, String recordId, PartnerTeamInput input);

    /** Channel staff only. */
    void removePartner(CallContext ctx, String objectName, String recordId, String companyId);

    /**
     * Whether the record is hidden from the partners above its owner's company in the partner hierarchy (SPEC S11);
     * who may read the record may ask.
     */
    boolean hiddenFromParents(CallContext ctx, String objectName, String recordId);

    /**
     * Hides the record from the partners above its owner's company, or shows it to them again; the upstream always
     * sees it. Users of the owner's company who may change the record, and channel staff, may switch it.
     */
    void hideFromParents(CallContext ctx, String objectName, String recordId, boolean hidden);
}
