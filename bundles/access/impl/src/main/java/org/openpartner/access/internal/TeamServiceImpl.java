package org.openpartner.access.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;

import org.openpartner.access.api.TeamService;
import org.openpartner.access.api.dto.PartnerTeamInput;
import org.openpartner.access.api.dto.PartnerTeamMember;
import org.openpartner.access.api.dto.TeamMember;
import org.openpartner.access.api.dto.TeamMemberInput;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.jpa.ShareGrant;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.dto.Enterprise;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Related teams as grants with source {@code team} naming one user each; partner teams as grants with source
 * {@code partner-team} naming one downstream company each.
 */
@Component(service = TeamService.class)
public class TeamServiceImpl implements TeamService {

    private static final String USER = "U:";
    private static final String COMPANY = "C:";

    private final Transactions tx;
    private final ObjectRegistry registry;
    private final RecordReach reach;
    private final MembershipService memberships;
    private final EventPublisher events;
    private final AccessControl access;
    private final IdentityService identities;

    /** Members are seen by who may view the object and the record, changed by who may edit both. */
    @Activate
    public TeamServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-access)") EntityManagerFactory emf,
                           @Reference ObjectRegistry registry, @Reference RecordReach reach,
                           @Reference MembershipService memberships, @Reference EventPublisher events,
                           @Reference AccessControl access, @Reference IdentityService identities) {
        this.access = access;
        this.identities = identities;
        this.tx = new Transactions(emf);
        this.registry = registry;
        this.reach = reach;
        this.memberships = memberships;
        this.events = events;
    }

    @Override
    public List<TeamMember> members(CallContext ctx, String objectName, String recordId) {
        ObjectDefinition object = requireShareable(objectName);
        access.access(ctx, object.name()).require(Actions.VIEW);
        RecordReach.Reach record = requireReach(ctx, object, recordId, RecordAccess.READ);
        // The owner's company and the upstream see the whole team; another company's reader sees its own colleagues
        // and the upstream's employees on it, not a third company's users (who they are is that company's business).
        boolean outsider = outsider(ctx, record);
        return tx.read(em -> GrantStore.bySource(em, ctx.tenantId(), object.name(), recordId, ShareGrant.SOURCE_TEAM)).stream()
            .filter(g -> g.getPrincipal().startsWith(USER))
            .map(g -> Map.entry(g, memberships.contextOf(ctx.tenantId(), g.getPrincipal().substring(USER.length()))))
            .filter(member -> !outsider || member.getValue().map(user -> user.isInternal()
                || ctx.companyId().equals(user.companyId())).orElse(false))
            .map(member -> toDto(member.getKey(), member.getValue()))
            .map(member -> !outsider || member.addedBy() == null || knownTo(ctx, member.addedBy()) ? member
                : new TeamMember(member.userId(), member.name(), member.access(), null, member.addedAt()))
            .toList();
    }

    /** Whether an outsider may learn of this user: one of the upstream's employees or the outsider's colleague. */
    private boolean knownTo(CallContext outsider, String userId) {
        return memberships.contextOf(outsider.tenantId(), userId)
            .map(user -> user.isInternal() || outsider.companyId().equals(user.companyId())).orElse(false);
    }

    @Override
    public TeamMember addMember(CallContext ctx, String objectName, String recordId, TeamMemberInput input) {
        ObjectDefinition object = requireShareable(objectName);
        access.access(ctx, object.name()).require(Actions.EDIT);
        requireReach(ctx, object, recordId, RecordAccess.WRITE);
        if (input == null || input.userId() == null || input.userId().isBlank()) {
            throw ApiException.badRequest("required", "userId is required", "userId");
        }
        // A downstream user invites its own colleagues and the upstream's employees; another company's users are
        // as unknown to it as users who do not exist (their ids are no way to learn they exist, or their names).
        boolean reachable = memberships.contextOf(ctx.tenantId(), input.userId())
            .filter(member -> !ctx.isExternal() || member.isInternal() || ctx.companyId().equals(member.companyId()))
            .isPresent();
        if (!reachable) {
            throw ApiException.badRequest("unknown_user", "userId is no active employee or external user of this "
                + "enterprise that you may invite", "userId");
        }
        RecordAccess access = input.access() == null ? RecordAccess.READ : input.access();
        String principal = USER + input.userId();
        ShareGrant saved = tx.inTransaction(em -> {
            ShareGrant grant = GrantStore.grant(em, ctx, object.name(), recordId, ShareGrant.SOURCE_TEAM, principal, access);
            events.publish(em, event(ctx, "access.team.member.added", object, recordId, input.userId(), access));
            return grant;
        });
        return toDto(saved, memberships.contextOf(ctx.tenantId(), input.userId()));
    }

    @Override
    public void removeMember(CallContext ctx, String objectName, String recordId, String userId) {
        ObjectDefinition object = requireShareable(objectName);
        access.access(ctx, object.name()).require(Actions.EDIT);
        RecordReach.Reach record = requireReach(ctx, object, recordId, RecordAccess.WRITE);
        // Another company's writer manages the members it sees (its colleagues, the upstream's employees); a third
        // company's user is a member it cannot find.
        if (outsider(ctx, record) && !memberships.contextOf(ctx.tenantId(), userId)
                .map(user -> user.isInternal() || ctx.companyId().equals(user.companyId())).orElse(false)) {
            throw ApiException.notFound("Team member");
        }
        tx.inTransaction(em -> {
            if (!GrantStore.revoke(em, ctx.tenantId(), object.name(), recordId, ShareGrant.SOURCE_TEAM, USER + userId)) {
                throw ApiException.notFound("Team member");
            }
            events.publish(em, event(ctx, "access.team.member.removed", object, recordId, userId, null));
            return null;
        });
    }

    @Override
    public List<PartnerTeamMember> partners(CallContext ctx, String objectName, String recordId) {
        ObjectDefinition object = requireShareable(objectName);
        access.access(ctx, object.name()).require(Actions.VIEW);
        requireReach(ctx, object, recordId, RecordAccess.READ);
        // An external user reads its own company's entry, asked for by key.
        List<ShareGrant> grants = tx.read(em -> ctx.isExternal()
            ? GrantStore.one(em, ctx.tenantId(), object.name(), recordId, ShareGrant.SOURCE_PARTNER_TEAM,
                COMPANY + ctx.companyId()).stream().toList()
            : GrantStore.bySource(em, ctx.tenantId(), object.name(), recordId, ShareGrant.SOURCE_PARTNER_TEAM));
        return grants.stream().map(this::toPartner).toList();
    }

    @Override
    public PartnerTeamMember addPartner(CallContext ctx, String objectName, String recordId, PartnerTeamInput input) {
        ObjectDefinition object = requireShareable(objectName);
        ctx.requireChannelStaff("choose the partners that work a record");
        requireReach(ctx, object, recordId, RecordAccess.WRITE);
        if (input == null || input.companyId() == null || input.companyId().isBlank()) {
            throw ApiException.badRequest("required", "companyId is required", "companyId");
        }
        if (!memberships.isDownstreamCompany(ctx.tenantId(), input.companyId())) {
            throw ApiException.badRequest("unknown_company", "companyId is no downstream company of this enterprise",
                "companyId");
        }
        RecordAccess level = input.access() == null ? RecordAccess.WRITE : input.access();
        String principal = COMPANY + input.companyId();
        ShareGrant saved = tx.inTransaction(em -> {
            ShareGrant grant = GrantStore.grant(em, ctx, object.name(), recordId, ShareGrant.SOURCE_PARTNER_TEAM,
                principal, level);
            events.publish(em, partnerEvent(ctx, "access.partner-team.added", object, recordId, input.companyId(), level));
            return grant;
        });
        return toPartner(saved);
    }

    @Override
    public void removePartner(CallContext ctx, String objectName, String recordId, String companyId) {
        ObjectDefinition object = requireShareable(objectName);
        ctx.requireChannelStaff("choose the partners that work a record");
        requireReach(ctx, object, recordId, RecordAccess.WRITE);
        tx.inTransaction(em -> {
            if (!GrantStore.revoke(em, ctx.tenantId(), object.name(), recordId, ShareGrant.SOURCE_PARTNER_TEAM,
                    COMPANY + companyId)) {
                throw ApiException.notFound("Partner team member");
            }
            events.publish(em, partnerEvent(ctx, "access.partner-team.removed", object, recordId, companyId, null));
            return null;
        });
    }

    @Override
    public boolean hiddenFromParents(CallContext ctx, String objectName, String recordId) {
        ObjectDefinition object = requireShareable(objectName);
        access.access(ctx, object.name()).require(Actions.VIEW);
        requireReach(ctx, object, recordId, RecordAccess.READ);
        return tx.read(em -> GrantStore.hiddenFromParents(em, ctx.tenantId(), object.name(), recordId));
    }

    @Override
    public void hideFromParents(CallContext ctx, String objectName, String recordId, boolean hidden) {
        ObjectDefinition object = requireShareable(objectName);
        access.access(ctx, object.name()).require(Actions.EDIT);
        RecordReach.Reach record = requireReach(ctx, object, recordId, RecordAccess.WRITE);
        // The owner's company decides what its parents see, and the upstream's channel staff; a parent, a team member
        // from elsewhere or an upstream employee on the team may not.
        boolean staff = ctx.isConsole() || (ctx.isInternal() && ctx.isChannelStaff());
        if (!staff && (!ctx.isExternal() || !ctx.companyId().equals(record.owner().ownerCompanyId()))) {
            throw ApiException.forbidden("not_owner_company", "only users of the company that owns this "
                + object.label() + " may hide it from parent partners", "id");
        }
        tx.inTransaction(em -> {
            boolean wasHidden = GrantStore.hiddenFromParents(em, ctx.tenantId(), object.name(), recordId);
            if (wasHidden == hidden) {
                return null;
            }
            if (hidden) {
                GrantStore.grant(em, ctx, object.name(), recordId, ShareGrant.SOURCE_HIDE_FROM_PARENTS,
                    ShareGrant.HIDDEN_FROM_PARENTS, RecordAccess.READ);
            } else {
                GrantStore.revoke(em, ctx.tenantId(), object.name(), recordId, ShareGrant.SOURCE_HIDE_FROM_PARENTS,
                    ShareGrant.HIDDEN_FROM_PARENTS);
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("object", object.name());
            data.put("hidden", hidden);
            events.publish(em, new DomainEvent("access.record.hidden-from-parents", ctx.tenantId(), object.label(),
                recordId, ctx.userId(), object.label() + " " + recordId + (hidden ? " hidden from" : " shown to")
                    + " parent partners", data));
            return null;
        });
    }

    private ObjectDefinition requireShareable(String objectName) {
        ObjectDefinition object = registry.require(objectName);
        if (!object.shareable()) {
            throw ApiException.unprocessable("not_shareable", object.label() + " records have no related team", "object");
        }
        return object;
    }

    /** Out of reach for reading: not found; readable but not changeable: 403. */
    private RecordReach.Reach requireReach(CallContext ctx, ObjectDefinition object, String recordId, RecordAccess access) {
        RecordReach.Reach record = reach.of(ctx, object.name(), recordId).orElse(null);
        if (record == null || record.reasons(ctx, RecordAccess.READ).isEmpty()) {
            throw ApiException.notFound(object.label());
        }
        if (access == RecordAccess.WRITE && record.reasons(ctx, RecordAccess.WRITE).isEmpty()) {
            throw ApiException.forbidden("record_read_only", "you may read this " + object.label()
                + " but not change its sharing", "id");
        }
        return record;
    }

    /** An external caller of a company other than the one that owns the record. */
    private static boolean outsider(CallContext ctx, RecordReach.Reach record) {
        return ctx.isExternal() && !ctx.companyId().equals(record.owner().ownerCompanyId());
    }

    private PartnerTeamMember toPartner(ShareGrant g) {
        String companyId = g.getPrincipal().substring(COMPANY.length());
        String name = identities.findEnterprise(companyId).map(Enterprise::name).orElse(null);
        return new PartnerTeamMember(companyId, name, ShareGrant.WRITE.equals(g.getAccessLevel()) ? RecordAccess.WRITE
            : RecordAccess.READ, g.getCreatedBy(), g.getCreatedAt());
    }

    private static DomainEvent partnerEvent(CallContext ctx, String type, ObjectDefinition object, String recordId,
                                            String companyId, RecordAccess access) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("object", object.name());
        data.put("company", companyId);
        if (access != null) {
            data.put("access", access.name());
        }
        return new DomainEvent(type, ctx.tenantId(), object.label(), recordId, ctx.userId(),
            (access == null ? "removed company " : "added company ") + companyId + (access == null ? " from" : " to")
                + " the partner team of " + object.label() + " " + recordId, data);
    }

    private static TeamMember toDto(ShareGrant g, Optional<CallContext> member) {
        String userId = g.getPrincipal().substring(USER.length());
        String name = member.map(CallContext::displayName).orElse(null);
        return new TeamMember(userId, name, ShareGrant.WRITE.equals(g.getAccessLevel()) ? RecordAccess.WRITE
            : RecordAccess.READ, g.getCreatedBy(), g.getCreatedAt());
    }

    private static DomainEvent event(CallContext ctx, String type, ObjectDefinition object, String recordId,
                                     String member, RecordAccess access) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("object", object.name());
        data.put("member", member);
        if (access != null) {
            data.put("access", access.name());
        }
        return new DomainEvent(type, ctx.tenantId(), object.label(), recordId, ctx.userId(),
            (access == null ? "removed " : "added ") + member + (access == null ? " from" : " to")
                + " the related team of " + object.label() + " " + recordId, data);
    }
}
