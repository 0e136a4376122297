package org.openpartner.platform.internal.identity;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.dto.RecordType;
import org.openpartner.platform.api.dto.Role;
import org.openpartner.platform.api.dto.RoleKind;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.internal.jpa.RecordTypeEntity;
import org.openpartner.platform.internal.jpa.RoleEntity;
import org.openpartner.platform.internal.jpa.UserEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = RoleService.class)
public class RoleServiceImpl implements RoleService {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    private final Transactions tx;

    @Activate
    public RoleServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-platform)") EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
    }

    @Override
    public Role ensureRole(CallContext ctx, String key, String name, RoleKind kind, Set<String> permissions) {
        IdentityServiceImpl.requireTenantAdmin(ctx);
        requireKey(key, "key");
        return tx.inTransaction(em -> {
            RoleEntity existing = findRole(em, ctx.tenantId(), key);
            if (existing != null) {
                return toDto(existing);
            }
            RoleEntity role = new RoleEntity();
            role.setId(Ids.newId());
            role.setTenantId(ctx.tenantId());
            role.setKey(key);
            role.setName(name);
            role.setKind(kind.name());
            role.setSystem(true);
            role.setPermissions(String.join(",", new TreeSet<>(permissions)));
            role.setCreatedAt(Instant.now());
            em.persist(role);
            return toDto(role);
        });
    }

    @Override
    public Role createRole(CallContext ctx, String key, String name, RoleKind kind) {
        requireRoleAdmin(ctx, kind);
        requireKey(key, "key");
        String label = Names.require(name, "name", 200);
        return tx.inTransaction(em -> {
            if (findRole(em, ctx.tenantId(), key) != null) {
                throw ApiException.conflict("role_exists", "the enterprise already has a role " + key, "key");
            }
            RoleEntity role = new RoleEntity();
            role.setId(Ids.newId());
            role.setTenantId(ctx.tenantId());
            role.setKey(key);
            role.setName(label);
            role.setKind(kind.name());
            role.setSystem(false);
            role.setPermissions("");
            role.setCreatedAt(Instant.now());
            em.persist(role);
            return toDto(role);
        });
    }

    @Override
    public void deleteRole(CallContext ctx, String key) {
        tx.inTransaction(em -> {
            RoleEntity role = key == null ? null : findRole(em, ctx.tenantId(), key);
            if (role == null) {
                throw ApiException.notFound("Role");
            }
            requireRoleAdmin(ctx, RoleKind.valueOf(role.getKind()));
            if (role.isSystem()) {
                throw ApiException.conflict("system_role", "the platform's own roles cannot be deleted", "key");
            }
            em.createQuery("delete from UserRoleEntity r where r.tenantId = :t and r.roleKey = :k")
                .setParameter("t", ctx.tenantId()).setParameter("k", key).executeUpdate();
            em.remove(role);
            return null;
        });
    }

    @Override
    public Optional<Role> findRole(CallContext ctx, String key) {
        IdentityServiceImpl.requireInternal(ctx);
        return key == null ? Optional.empty()
            : tx.read(em -> IdentityStore.findRole(em, ctx.tenantId(), key).map(RoleServiceImpl::toDto));
    }

    /** External roles are the channel's business; internal ones the enterprise administrators'. */
    private static void requireRoleAdmin(CallContext ctx, RoleKind kind) {
        if (kind == RoleKind.EXTERNAL ? !ctx.isChannelStaff() : !ctx.tenantAdmin()) {
            throw ApiException.forbidden(kind == RoleKind.EXTERNAL
                ? "only the enterprise's administrators and channel managers may manage external roles"
                : "only an administrator of the enterprise may manage its internal roles");
        }
    }

    @Override
    public List<Role> listRoles(CallContext ctx) {
        IdentityServiceImpl.requireInternal(ctx);
        return tx.read(em -> em.createQuery(
                "select r from RoleEntity r where r.tenantId = :t order by r.key", RoleEntity.class)
            .setParameter("t", ctx.tenantId()).getResultList().stream().map(RoleServiceImpl::toDto).toList());
    }

    @Override
    public void assignRole(CallContext ctx, String userId, String roleKey) {
        IdentityServiceImpl.requireTenantAdmin(ctx);
        tx.inTransaction(em -> {
            RoleEntity role = requireInternalRole(em, ctx, roleKey);
            requireEmployee(em, ctx, userId);
            IdentityStore.grantRole(em, ctx.tenantId(), userId, role.getKey());
            return null;
        });
    }

    @Override
    public void unassignRole(CallContext ctx, String userId, String roleKey) {
        IdentityServiceImpl.requireTenantAdmin(ctx);
        tx.inTransaction(em -> {
            requireInternalRole(em, ctx, roleKey);
            requireEmployee(em, ctx, userId);
            em.createQuery("delete from UserRoleEntity r where r.tenantId = :t and r.userId = :u and r.roleKey = :k")
                .setParameter("t", ctx.tenantId()).setParameter("u", userId).setParameter("k", roleKey).executeUpdate();
            return null;
        });
    }

    @Override
    public RecordType ensureRecordType(CallContext ctx, String objectName, String key, String label, List<String> layout) {
        IdentityServiceImpl.requireTenantAdmin(ctx);
        requireKey(key, "key");
        return tx.inTransaction(em -> {
            RecordTypeEntity existing = em.createQuery(
                    "select r from RecordTypeEntity r where r.tenantId = :t and r.objectName = :o and r.key = :k",
                    RecordTypeEntity.class)
                .setParameter("t", ctx.tenantId()).setParameter("o", objectName).setParameter("k", key)
                .setMaxResults(1).getResultList().stream().findFirst().orElse(null);
            if (existing != null) {
                return toDto(existing);
            }
            RecordTypeEntity type = new RecordTypeEntity();
            type.setId(Ids.newId());
            type.setTenantId(ctx.tenantId());
            type.setObjectName(objectName);
            type.setKey(key);
            type.setLabel(label);
            type.setLayout(String.join(",", layout));
            type.setCreatedAt(Instant.now());
            em.persist(type);
            return toDto(type);
        });
    }

    @Override
    public List<RecordType> listRecordTypes(CallContext ctx, String objectName) {
        // The portal renders external users' forms from them too.
        if (!ctx.isInternal() && !ctx.isExternal()) {
            throw ApiException.forbidden("act for the enterprise whose record types you read");
        }
        return tx.read(em -> em.createQuery(
                "select r from RecordTypeEntity r where r.tenantId = :t and r.objectName = :o order by r.key",
                RecordTypeEntity.class)
            .setParameter("t", ctx.tenantId()).setParameter("o", objectName).getResultList().stream()
            .map(RoleServiceImpl::toDto).toList());
    }

    private static RoleEntity findRole(EntityManager em, String tenantId, String key) {
        return IdentityStore.findRole(em, tenantId, key).orElse(null);
    }

    private static RoleEntity requireInternalRole(EntityManager em, CallContext ctx, String roleKey) {
        RoleEntity role = roleKey == null ? null : findRole(em, ctx.tenantId(), roleKey);
        if (role == null) {
            throw ApiException.notFound("Role");
        }
        if (!RoleKind.INTERNAL.name().equals(role.getKind())) {
            throw ApiException.unprocessable("external_role", "external roles are given to external users, not employees", "role");
        }
        return role;
    }

    private static void requireEmployee(EntityManager em, CallContext ctx, String userId) {
        UserEntity user = userId == null ? null : em.find(UserEntity.class, userId);
        if (user == null || !user.getEnterpriseId().equals(ctx.tenantId())) {
            throw ApiException.notFound("User");
        }
    }

    private static void requireKey(String key, String field) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ApiException.badRequest("invalid_key", field + " must be lower-case letters, digits and dashes", field);
        }
    }

    private static Role toDto(RoleEntity r) {
        Set<String> permissions = r.getPermissions() == null || r.getPermissions().isEmpty()
            ? Set.of() : new LinkedHashSet<>(Arrays.asList(r.getPermissions().split(",")));
        return new Role(r.getId(), r.getKey(), r.getName(), RoleKind.valueOf(r.getKind()), r.isSystem(), permissions);
    }

    private static RecordType toDto(RecordTypeEntity r) {
        List<String> layout = r.getLayout() == null || r.getLayout().isEmpty() ? List.of() : List.of(r.getLayout().split(","));
        return new RecordType(r.getId(), r.getObjectName(), r.getKey(), r.getLabel(), layout);
    }
}
