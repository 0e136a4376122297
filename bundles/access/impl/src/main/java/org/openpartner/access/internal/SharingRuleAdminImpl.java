package org.openpartner.access.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.openpartner.access.api.SharingRuleAdmin;
import org.openpartner.access.api.dto.SharingRule;
import org.openpartner.access.api.dto.SharingRule.SourceKind;
import org.openpartner.access.api.dto.SharingRule.TargetKind;
import org.openpartner.access.api.dto.SharingRuleInput;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.jpa.ShareGrant;
import org.openpartner.platform.api.access.jpa.ShareRule;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = SharingRuleAdmin.class)
public class SharingRuleAdminImpl implements SharingRuleAdmin {

    private final Transactions tx;
    private final ObjectRegistry registry;
    private final RoleService roles;
    private final MembershipService memberships;
    private final EventPublisher events;

    @Activate
    public SharingRuleAdminImpl(@Reference(target = "(osgi.unit.name=openpartner-access)") EntityManagerFactory emf,
                                @Reference ObjectRegistry registry,
                                @Reference RoleService roles, @Reference MembershipService memberships,
                                @Reference EventPublisher events) {
        this.tx = new Transactions(emf);
        this.registry = registry;
        this.roles = roles;
        this.memberships = memberships;
        this.events = events;
    }

    @Override
    public List<SharingRule> rules(CallContext ctx, String objectName) {
        PermissionAdminImpl.requireChannelStaff(ctx);
        if (objectName != null) {
            registry.require(objectName);
        }
        return tx.read(em -> {
            TypedQuery<ShareRule> query = em.createQuery("select r from ShareRule r where r.tenantId = :t"
                + (objectName == null ? "" : " and r.objectName = :o") + " order by r.objectName, r.createdAt, r.id",
                ShareRule.class).setParameter("t", ctx.tenantId());
            if (objectName != null) {
                query.setParameter("o", objectName);
            }
            return query.getResultList().stream().map(SharingRuleAdminImpl::toDto).toList();
        });
    }

    @Override
    public SharingRule create(CallContext ctx, SharingRuleInput input) {
        PermissionAdminImpl.requireChannelStaff(ctx);
        if (input == null) {
            throw ApiException.badRequest("required", "a body with object, sourceKind, source and targetKind is required",
                "object");
        }
        ObjectDefinition object = registry.require(input.object());
        if (!object.shareable()) {
            throw ApiException.unprocessable("not_shareable", object.label() + " records are not shared record by record",
                "object");
        }
        String sourceKey = requireSource(ctx, input);
        String target = requireTarget(ctx, input);
        return tx.inTransaction(em -> {
            // A group named by the rule stays until the rule is stored (see UserGroupAdminImpl.lock).
            if (input.sourceKind() == SourceKind.GROUP && !UserGroupAdminImpl.lock(em, ctx.tenantId(), sourceKey)) {
                throw ApiException.badRequest("unknown_source", "source is no user group of this enterprise", "source");
            }
            if (input.targetKind() == TargetKind.GROUP && !UserGroupAdminImpl.lock(em, ctx.tenantId(), input.target())) {
                throw ApiException.badRequest("unknown_target", "target is no user group of this enterprise", "target");
            }
            ShareRule rule = new ShareRule();
            rule.setId(Ids.newId());
            rule.setTenantId(ctx.tenantId());
            rule.setObjectName(object.name());
            rule.setSourceKind(switch (input.sourceKind()) {
                case COMPANY -> ShareRule.SOURCE_COMPANY;
                case ROLE -> ShareRule.SOURCE_ROLE;
                case GROUP -> ShareRule.SOURCE_GROUP;
            });
            rule.setSourceKey(sourceKey);
            rule.setTarget(target);
            rule.setAccessLevel(input.access() == RecordAccess.WRITE ? ShareGrant.WRITE : ShareGrant.READ);
            rule.setCreatedBy(ctx.userId());
            rule.setCreatedAt(Instant.now());
            em.persist(rule);
            SharingRule created = toDto(rule);
            events.publish(em, event(ctx, "access.rule.created", created));
            return created;
        });
    }

    @Override
    public void delete(CallContext ctx, String ruleId) {
        PermissionAdminImpl.requireChannelStaff(ctx);
        tx.inTransaction(em -> {
            ShareRule rule = ruleId == null ? null : em.find(ShareRule.class, ruleId);
            if (rule == null || !rule.getTenantId().equals(ctx.tenantId())) {
                throw ApiException.notFound("Sharing rule");
            }
            events.publish(em, event(ctx, "access.rule.deleted", toDto(rule)));
            em.remove(rule);
            return null;
        });
    }

    private String requireSource(CallContext ctx, SharingRuleInput input) {
        if (input.sourceKind() == null) {
            throw ApiException.badRequest("required", "sourceKind is COMPANY, ROLE or GROUP", "sourceKind");
        }
        String source = input.source();
        boolean known = source != null && switch (input.sourceKind()) {
            case COMPANY -> isCompany(ctx, source);
            case ROLE -> roles.findRole(ctx, source).isPresent();
            case GROUP -> isGroup(ctx, source);
        };
        if (!known) {
            throw ApiException.badRequest("unknown_source", "source is no " + switch (input.sourceKind()) {
                case COMPANY -> "downstream company";
                case ROLE -> "role";
                case GROUP -> "user group";
            } + " of this enterprise", "source");
        }
        return source;
    }

    /** The target as a principal key. */
    private String requireTarget(CallContext ctx, SharingRuleInput input) {
        if (input.targetKind() == null) {
            throw ApiException.badRequest("required", "targetKind is COMPANY, ROLE, GROUP, USER or ALL_COMPANIES",
                "targetKind");
        }
        String target = input.target();
        boolean known = switch (input.targetKind()) {
            case ALL_COMPANIES -> true;
            case COMPANY -> target != null && isCompany(ctx, target);
            case ROLE -> target != null && roles.findRole(ctx, target).isPresent();
            case GROUP -> target != null && isGroup(ctx, target);
            case USER -> target != null && memberships.contextOf(ctx.tenantId(), target).isPresent();
        };
        if (!known) {
            throw ApiException.badRequest("unknown_target", "target is no " + (input.targetKind() == TargetKind.GROUP
                ? "user group" : input.targetKind().name().toLowerCase(java.util.Locale.ROOT)) + " of this enterprise",
                "target");
        }
        return switch (input.targetKind()) {
            case ALL_COMPANIES -> "A:";
            case COMPANY -> "C:" + target;
            case ROLE -> "R:" + target;
            case GROUP -> Visibility.GROUP + target;
            case USER -> "U:" + target;
        };
    }

    private boolean isGroup(CallContext ctx, String id) {
        return tx.read(em -> UserGroupAdminImpl.exists(em, ctx.tenantId(), id));
    }

    private boolean isCompany(CallContext ctx, String id) {
        return memberships.isDownstreamCompany(ctx.tenantId(), id);
    }

    static SharingRule toDto(ShareRule r) {
        String target = r.getTarget();
        TargetKind kind = switch (target.substring(0, 2)) {
            case "C:" -> TargetKind.COMPANY;
            case "R:" -> TargetKind.ROLE;
            case "U:" -> TargetKind.USER;
            case Visibility.GROUP -> TargetKind.GROUP;
            default -> TargetKind.ALL_COMPANIES;
        };
        SourceKind source = switch (r.getSourceKind()) {
            case ShareRule.SOURCE_COMPANY -> SourceKind.COMPANY;
            case ShareRule.SOURCE_GROUP -> SourceKind.GROUP;
            default -> SourceKind.ROLE;
        };
        return new SharingRule(r.getId(), r.getObjectName(), source, r.getSourceKey(), kind,
            kind == TargetKind.ALL_COMPANIES ? null : target.substring(2),
            ShareGrant.WRITE.equals(r.getAccessLevel()) ? RecordAccess.WRITE : RecordAccess.READ, r.getCreatedBy(),
            r.getCreatedAt());
    }

    private static DomainEvent event(CallContext ctx, String type, SharingRule rule) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("object", rule.object());
        data.put("source", rule.sourceKind() + ":" + rule.source());
        data.put("target", rule.targetKind() + (rule.target() == null ? "" : ":" + rule.target()));
        data.put("access", rule.access().name());
        return new DomainEvent(type, ctx.tenantId(), "SharingRule", rule.id(), ctx.userId(), "sharing rule on "
            + rule.object() + ": " + data.get("source") + " -> " + data.get("target") + " (" + rule.access() + ")", data);
    }
}
