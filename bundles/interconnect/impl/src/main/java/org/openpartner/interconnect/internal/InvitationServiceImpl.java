package org.openpartner.interconnect.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.openpartner.interconnect.api.InvitationService;
import org.openpartner.interconnect.api.dto.Approval;
import org.openpartner.interconnect.api.dto.CodeInput;
import org.openpartner.interconnect.api.dto.ConnectResult;
import org.openpartner.interconnect.api.dto.Connection;
import org.openpartner.interconnect.api.dto.ConnectionRequest;
import org.openpartner.interconnect.api.dto.InvitationCode;
import org.openpartner.interconnect.api.dto.IssuedCode;
import org.openpartner.interconnect.internal.jpa.ConnectionEntity;
import org.openpartner.interconnect.internal.jpa.ConnectionRequestEntity;
import org.openpartner.interconnect.internal.jpa.InvitationCodeEntity;
import org.openpartner.partner.api.PartnerService;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.partner.api.dto.PartnerInput;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.dto.Enterprise;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

@Component(service = InvitationService.class, configurationPid = InterconnectConfig.PID)
public class InvitationServiceImpl implements InvitationService {

    private final Transactions tx;
    private final UnitOfWork unitOfWork;
    private final PartnerService partners;
    private final IdentityService identities;
    private final EventPublisher events;
    private final ConnectionServiceImpl connections;
    private final InvitationCodes codes = new InvitationCodes(new SecureRandom());
    private final AttemptLimiter limiter = new AttemptLimiter(Clock.systemUTC(), 10, Duration.ofMinutes(15));

    @Activate
    public InvitationServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-interconnect)") EntityManagerFactory emf,
                                 @Reference UnitOfWork unitOfWork, @Reference PartnerService partners,
                                 @Reference IdentityService identities, @Reference EventPublisher events,
                                 @Reference ConnectionServiceImpl connections, InterconnectConfig config) {
        this.tx = new Transactions(emf);
        this.unitOfWork = unitOfWork;
        this.partners = partners;
        this.identities = identities;
        this.events = events;
        this.connections = connections;
        configure(config);
    }

    @Modified
    void configure(InterconnectConfig config) {
        limiter.configure(config.invitation_maxFailures(), Duration.ofSeconds(Math.max(1, config.invitation_windowSeconds())));
    }

    @Override
    public IssuedCode generate(CallContext ctx, CodeInput input) {
        Roles.requireStaff(ctx);
        CodeInput in = input == null ? new CodeInput(null, 1, 7, null) : input;
        Integer maxUses = in.maxUses();
        if (maxUses != null && (maxUses < 1 || maxUses > 100_000)) {
            throw ApiException.badRequest("invalid_max_uses", "maxUses must be 1 to 100000, or absent for unlimited", "maxUses");
        }
        int validDays = in.validDays() == null ? 7 : in.validDays();
        if (validDays < 1 || validDays > 365) {
            throw ApiException.badRequest("invalid_valid_days", "validDays must be 1 to 365", "validDays");
        }
        String label = in.label() == null || in.label().isBlank() ? null : Names.require(in.label(), "label", 200);
        String code = codes.newCode();
        String normalized = InvitationCodes.normalize(code).orElseThrow();
        Set<String> roles = connections.requireExternalRoles(ctx, in.roles());
        return tx.inTransaction(em -> {
            Instant now = Instant.now();
            InvitationCodeEntity entity = new InvitationCodeEntity();
            entity.setId(Ids.newId());
            entity.setTenantId(ctx.tenantId());
            entity.setCodeHash(InvitationCodes.hash(normalized));
            entity.setHint(InvitationCodes.hint(normalized));
            entity.setLabel(label);
            entity.setMaxUses(maxUses);
            entity.setRoles(Roles.join(roles));
            entity.setExpiresAt(now.plus(Duration.ofDays(validDays)));
            entity.setCreatedBy(ctx.userId());
            entity.setCreatedAt(now);
            em.persist(entity);
            return new IssuedCode(code, toDto(entity, now));
        });
    }

    @Override
    public List<InvitationCode> listCodes(CallContext ctx) {
        Roles.requireStaff(ctx);
        Instant now = Instant.now();
        return tx.read(em -> em.createQuery("select c from InvitationCodeEntity c where c.tenantId = :t order by c.createdAt desc",
                InvitationCodeEntity.class).setParameter("t", ctx.tenantId()).getResultList().stream()
            .map(c -> toDto(c, now)).toList());
    }

    @Override
    public InvitationCode revoke(CallContext ctx, String codeId) {
        Roles.requireStaff(ctx);
        return tx.inTransaction(em -> {
            InvitationCodeEntity code = codeId == null ? null : em.find(InvitationCodeEntity.class, codeId);
            if (code == null || !code.getTenantId().equals(ctx.tenantId())) {
                throw ApiException.notFound("Invitation code");
            }
            if (code.getRevokedAt() == null) {
                code.setRevokedAt(Instant.now());
            }
            return toDto(code, Instant.now());
        });
    }

    @Override
    public ConnectionRequest redeem(CallContext ctx, String typed) {
        Roles.requireOwnAdmin(ctx);
        long wait = limiter.secondsLocked(ctx.tenantId());
        if (wait > 0) {
            throw ApiException.tooManyRequests("too many wrong invitation codes; try again in " + wait + " seconds");
        }
        String normalized = InvitationCodes.normalize(typed).orElse(null);
        InvitationCodeEntity code = normalized == null ? null : tx.read(em -> em.createQuery(
                "select c from InvitationCodeEntity c where c.codeHash = :h", InvitationCodeEntity.class)
            .setParameter("h", InvitationCodes.hash(normalized)).setMaxResults(1).getResultList().stream().findFirst().orElse(null));
        if (code == null) {
            limiter.failed(ctx.tenantId());
            throw ApiException.notFound("code_unknown", "no such invitation code; check it with the upstream", "code");
        }
        Instant now = Instant.now();
        if (code.getTenantId().equals(ctx.tenantId())) {
            throw ApiException.unprocessable("own_code", "this code was issued by your own enterprise", "code");
        }
        if (code.getRevokedAt() != null) {
            throw ApiException.gone("code_revoked", "this invitation code was revoked", "code");
        }
        if (!now.isBefore(code.getExpiresAt())) {
            throw ApiException.gone("code_expired", "this invitation code has expired", "code");
        }
        return tx.inTransaction(em -> {
            if (AppServiceImpl.connectionOf(em, code.getTenantId(), ctx.tenantId()) != null) {
                throw ApiException.conflict("already_connected", "your enterprise is already connected with this upstream", "code");
            }
            boolean pending = !em.createQuery("select r.id from ConnectionRequestEntity r where r.tenantId = :t "
                    + "and r.companyId = :c and r.status = :p", String.class)
                .setParameter("t", code.getTenantId()).setParameter("c", ctx.tenantId())
                .setParameter("p", ConnectionRequest.PENDING).setMaxResults(1).getResultList().isEmpty();
            if (pending) {
                throw ApiException.conflict("request_pending", "your enterprise already has a pending request with this upstream", "code");
            }
            // One conditional statement, so that concurrent redemptions never exceed maxUses.
            int counted = em.createQuery("update InvitationCodeEntity c set c.uses = c.uses + 1 where c.id = :id "
                    + "and (c.maxUses is null or c.uses < c.maxUses)")
                .setParameter("id", code.getId()).executeUpdate();
            if (counted == 0) {
                throw ApiException.conflict("code_used_up", "this invitation code has been used as often as allowed", "code");
            }
            ConnectionRequestEntity request = new ConnectionRequestEntity();
            request.setId(Ids.newId());
            request.setTenantId(code.getTenantId());
            request.setCompanyId(ctx.tenantId());
            request.setCodeId(code.getId());
            request.setRequestedBy(ctx.userId());
            request.setStatus(ConnectionRequest.PENDING);
            request.setRoles(code.getRoles());
            request.setCreatedAt(now);
            em.persist(request);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("companyId", ctx.tenantId());
            events.publish(em, new DomainEvent("connection.requested", code.getTenantId(), "ConnectionRequest",
                request.getId(), ctx.userId(), "Connection requested with invitation code …" + code.getHint(), data));
            return toDto(request);
        });
    }

    @Override
    public List<ConnectionRequest> listRequests(CallContext ctx, String status) {
        Roles.requireStaff(ctx);
        return tx.read(em -> {
            String jpql = "select r from ConnectionRequestEntity r where r.tenantId = :t"
                + (status == null || status.isBlank() ? "" : " and r.status = :s") + " order by r.createdAt desc";
            TypedQuery<ConnectionRequestEntity> query = em.createQuery(jpql, ConnectionRequestEntity.class)
                .setParameter("t", ctx.tenantId());
            if (status != null && !status.isBlank()) {
                query.setParameter("s", status.strip());
            }
            return query.getResultList().stream().map(this::toDto).toList();
        });
    }

    @Override
    public ConnectResult approve(CallContext ctx, String requestId, Approval approval) {
        Roles.requireStaff(ctx);
        Approval a = approval == null ? new Approval(null, null, null) : approval;
        List<String> extraApps = connections.requireInstalled(a.apps());
        return unitOfWork.inUnit(() -> {
            ConnectionRequestEntity request = tx.read(em -> requirePending(em, ctx, requestId));
            Enterprise company = identities.findEnterprise(request.getCompanyId())
                .orElseThrow(() -> ApiException.notFound("Company"));
            Partner partner;
            if (a.partnerId() != null && !a.partnerId().isBlank()) {
                partner = partners.get(ctx, a.partnerId().strip());
                if (partner.connectedEnterpriseId() != null) {
                    throw ApiException.conflict("already_connected", "partner '" + partner.name() + "' is already connected", "partnerId");
                }
            } else {
                if (partners.findByName(ctx, company.name()).isPresent()) {
                    throw ApiException.conflict("duplicate_name", "a partner named '" + company.name()
                        + "' exists: pass its id as partnerId to connect it, or rename it first", "partnerId");
                }
                partner = partners.create(ctx, new PartnerInput(company.name(), null, null, null, null, null, null, null));
            }
            Set<String> roles = a.roles() == null || a.roles().isEmpty() ? Roles.orDefault(Roles.split(request.getRoles()))
                : connections.requireExternalRoles(ctx, a.roles());
            partners.markConnected(ctx, partner.id(), company.id());
            Connection connection = tx.inTransaction(em -> {
                ConnectionEntity entity = connections.persistConnection(em, ctx, Ids.newId(), partner.id(), company.id(),
                    Connection.ORIGIN_INVITATION, roles, extraApps);
                // Conditional on the status, so that two approvers racing cannot both connect the company.
                int decided = em.createQuery("update ConnectionRequestEntity r set r.status = :approved, r.connectionId = :c, "
                        + "r.decidedBy = :u, r.decidedAt = :now, r.roles = :roles where r.id = :id and r.status = :pending")
                    .setParameter("approved", ConnectionRequest.APPROVED).setParameter("c", entity.getId())
                    .setParameter("u", ctx.userId()).setParameter("now", new Date()).setParameter("roles", Roles.join(roles))
                    .setParameter("id", request.getId()).setParameter("pending", ConnectionRequest.PENDING).executeUpdate();
                if (decided == 0) {
                    throw ApiException.conflict("already_decided", "the request was decided meanwhile", null);
                }
                events.publish(em, ConnectionServiceImpl.event("connection.created", ctx, entity,
                    "Connected '" + company.name() + "' by invitation"));
                return connections.toDto(em, entity, connections.nameOf(ctx.tenantId()), partner.name(), company.name(), 0);
            });
            return new ConnectResult(connection, List.of());
        });
    }

    @Override
    public ConnectionRequest reject(CallContext ctx, String requestId, String reason) {
        Roles.requireStaff(ctx);
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("required", "a reason is required to reject a request", "reason");
        }
        String cleanReason = Names.require(reason, "reason", 500);
        return tx.inTransaction(em -> {
            ConnectionRequestEntity request = requirePending(em, ctx, requestId);
            request.setStatus(ConnectionRequest.REJECTED);
            request.setReason(cleanReason);
            request.setDecidedBy(ctx.userId());
            request.setDecidedAt(Instant.now());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("companyId", request.getCompanyId());
            data.put("reason", cleanReason);
            events.publish(em, new DomainEvent("connection.rejected", ctx.tenantId(), "ConnectionRequest", request.getId(),
                ctx.userId(), "Connection request rejected: " + cleanReason, data));
            return toDto(request);
        });
    }

    @Override
    public List<ConnectionRequest> myRequests(CallContext ctx) {
        if (!ctx.isInternal()) {
            throw ApiException.forbidden("act for your own enterprise to see its requests");
        }
        return tx.read(em -> em.createQuery("select r from ConnectionRequestEntity r where r.companyId = :c "
                + "order by r.createdAt desc", ConnectionRequestEntity.class)
            .setParameter("c", ctx.tenantId()).getResultList().stream().map(this::toDto).toList());
    }

    private static ConnectionRequestEntity requirePending(EntityManager em, CallContext ctx, String requestId) {
        ConnectionRequestEntity request = requestId == null ? null : em.find(ConnectionRequestEntity.class, requestId);
        if (request == null || !request.getTenantId().equals(ctx.tenantId())) {
            throw ApiException.notFound("Connection request");
        }
        if (!ConnectionRequest.PENDING.equals(request.getStatus())) {
            throw ApiException.conflict("already_decided", "the request was already " + request.getStatus(), null);
        }
        return request;
    }

    private ConnectionRequest toDto(ConnectionRequestEntity r) {
        return new ConnectionRequest(r.getId(), r.getTenantId(), name(r.getTenantId()), r.getCompanyId(),
            name(r.getCompanyId()), r.getCodeId(), r.getRequestedBy(), r.getStatus(), Roles.split(r.getRoles()),
            r.getReason(), r.getConnectionId(), r.getCreatedAt(), r.getDecidedAt());
    }

    private String name(String enterpriseId) {
        return connections.nameOf(enterpriseId);
    }

    private static InvitationCode toDto(InvitationCodeEntity c, Instant now) {
        String status = c.getRevokedAt() != null ? "revoked" : !now.isBefore(c.getExpiresAt()) ? "expired"
            : c.getMaxUses() != null && c.getUses() >= c.getMaxUses() ? "used-up" : "active";
        return new InvitationCode(c.getId(), c.getLabel(), c.getHint(), c.getMaxUses(), c.getUses(), Roles.split(c.getRoles()),
            c.getExpiresAt(), c.getRevokedAt(), status, c.getCreatedAt());
    }
}
