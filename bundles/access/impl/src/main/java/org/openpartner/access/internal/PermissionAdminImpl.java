package org.openpartner.access.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.openpartner.access.api.PermissionAdmin;
import org.openpartner.access.api.dto.ObjectPermissions;
import org.openpartner.access.api.dto.PermissionsInput;
import org.openpartner.access.api.dto.RoleInput;
import org.openpartner.access.internal.jpa.RoleFieldPermissionEntity;
import org.openpartner.access.internal.jpa.RoleObjectPermissionEntity;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.dto.Role;
import org.openpartner.platform.api.dto.RoleKind;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.openpartner.platform.api.access.FieldAccess;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = PermissionAdmin.class)
public class PermissionAdminImpl implements PermissionAdmin {

    private final Transactions tx;
    private final ObjectRegistry registry;
    private final RoleService roles;
    private final MembershipService memberships;
    private final UnitOfWork unitOfWork;
    private final EventPublisher events;

    @Activate
    public PermissionAdminImpl(@Reference(target = "(osgi.unit.name=openpartner-access)") EntityManagerFactory emf,
                               @Reference ObjectRegistry registry, @Reference RoleService roles,
                               @Reference MembershipService memberships, @Reference UnitOfWork unitOfWork,
                               @Reference EventPublisher events) {
        this.tx = new Transactions(emf);
        this.registry = registry;
        this.roles = roles;
        this.memberships = memberships;
        this.unitOfWork = unitOfWork;
        this.events = events;
    }

    @Override
    public List<Role> externalRoles(CallContext ctx) {
        requireChannelStaff(ctx);
        return roles.listRoles(ctx).stream().filter(r -> r.kind() == RoleKind.EXTERNAL).toList();
    }

    @Override
    public Role createRole(CallContext ctx, RoleInput input) {
        requireChannelStaff(ctx);
        if (input == null) {
            throw ApiException.badRequest("required", "a body with key and name is required", "key");
        }
        return unitOfWork.inUnit(() -> {
            Role role = roles.createRole(ctx, input.key(), input.name(), RoleKind.EXTERNAL);
            // A role deleted outside this service may have left its permissions: a new role starts from defaults.
            tx.inTransaction(em -> {
                PermissionStore.deleteRole(em, ctx.tenantId(), role.key());
                events.publish(em, event(ctx, "access.role.created", role.key(), null, Map.of("name", role.name())));
                return null;
            });
            return role;
        });
    }

    @Override
    public void deleteRole(CallContext ctx, String roleKey) {
        requireChannelStaff(ctx);
        Role role = requireExternalRole(ctx, roleKey);
        unitOfWork.inUnit(() -> {
            roles.deleteRole(ctx, role.key());
            tx.inTransaction(em -> {
                PermissionStore.deleteRole(em, ctx.tenantId(), role.key());
                events.publish(em, event(ctx, "access.role.deleted", role.key(), null, Map.of("name", role.name())));
                return null;
            });
            return null;
        });
    }

    @Override
    public List<ObjectPermissions> permissions(CallContext ctx, String roleKey) {
        requireChannelStaff(ctx);
        Role role = requireExternalRole(ctx, roleKey);
        return tx.read(em -> registry.all().stream().map(object -> permissions(em, ctx, role, object)).toList());
    }

    @Override
    public ObjectPermissions permissions(CallContext ctx, String roleKey, String objectName) {
        requireChannelStaff(ctx);
        Role role = requireExternalRole(ctx, roleKey);
        ObjectDefinition object = registry.require(objectName);
        return tx.read(em -> permissions(em, ctx, role, object));
    }

    private static ObjectPermissions permissions(EntityManager em, CallContext ctx, Role role, ObjectDefinition object) {
        RolePermissions stored = PermissionStore.load(em, ctx.tenantId(), object, List.of(role.key()));
        return new ObjectPermissions(role.key(), object.name(), stored.configuredActions().containsKey(role.key()),
            stored.ordered(stored.actions(role.key(), true)), stored.fields(role.key()));
    }

    @Override
    public ObjectPermissions setPermissions(CallContext ctx, String roleKey, String objectName, PermissionsInput input) {
        requireChannelStaff(ctx);
        Role role = requireExternalRole(ctx, roleKey);
        ObjectDefinition object = registry.require(objectName);
        validate(object, input);
        return tx.inTransaction(em -> {
            Map<String, Object> change = new LinkedHashMap<>();
            if (input.actions() != null) {
                RoleObjectPermissionEntity row = PermissionStore.objectRow(em, ctx.tenantId(), role.key(), object.name());
                if (row == null) {
                    row = new RoleObjectPermissionEntity();
                    row.setId(Ids.newId());
                    row.setTenantId(ctx.tenantId());
                    row.setRoleKey(role.key());
                    row.setObjectName(object.name());
                    em.persist(row);
                }
                List<String> actions = object.allActions().stream().filter(input.actions()::contains).toList();
                row.setActions(actions);
                row.setUpdatedAt(Instant.now());
                row.setUpdatedBy(ctx.userId());
                change.put("actions", actions);
            }
            if (input.fields() != null) {
                input.fields().forEach((field, access) -> {
                    PermissionStore.deleteField(em, ctx.tenantId(), role.key(), object.name(), field);
                    if (access != FieldAccess.READ_WRITE) {
                        RoleFieldPermissionEntity row = new RoleFieldPermissionEntity();
                        row.setId(Ids.newId());
                        row.setTenantId(ctx.tenantId());
                        row.setRoleKey(role.key());
                        row.setObjectName(object.name());
                        row.setFieldName(field);
                        row.setAccess(access.name());
                        em.persist(row);
                    }
                });
                change.put("fields", new LinkedHashMap<>(input.fields()));
            }
            events.publish(em, event(ctx, "access.permissions.changed", role.key(), object.name(), change));
            em.flush();
            return permissions(em, ctx, role, object);
        });
    }

    /** Names the first action or field the object does not have, or a change the platform does not allow. */
    static void validate(ObjectDefinition object, PermissionsInput input) {
        if (input == null || (input.actions() == null && input.fields() == null)) {
            throw ApiException.badRequest("required", "give actions, fields or both", "actions");
        }
        if (input.actions() != null) {
            for (String action : input.actions()) {
                if (action == null || !object.allActions().contains(action)) {
                    throw ApiException.badRequest("unknown_action", object.label() + " has no action '" + action
                        + "'; it has " + String.join(", ", object.allActions()), "actions");
                }
            }
        }
        if (input.fields() != null) {
            for (Map.Entry<String, FieldAccess> entry : input.fields().entrySet()) {
                String name = entry.getKey();
                FieldDefinition field = object.field(name).orElseThrow(() -> ApiException.badRequest("unknown_field",
                    object.label() + " has no field '" + name + "'", "fields." + name));
                if (entry.getValue() == null) {
                    throw ApiException.badRequest("required", "give HIDDEN, READ_ONLY or READ_WRITE for " + name,
                        "fields." + name);
                }
                if (ObjectDefinition.ID_FIELD.equals(name)) {
                    throw ApiException.badRequest("fixed_field", "the id is always shown and never written", "fields." + name);
                }
                if (field.system() && entry.getValue() == FieldAccess.READ_WRITE) {
                    throw ApiException.badRequest("fixed_field", name + " is maintained by the platform and cannot be "
                        + "made writable", "fields." + name);
                }
            }
        }
    }

    @Override
    public void assignRole(CallContext ctx, String userId, String roleKey) {
        requireChannelStaff(ctx);
        memberships.assignExternalRoles(ctx, userId, Set.of(requireExternalRole(ctx, roleKey).key()));
    }

    @Override
    public void revokeRole(CallContext ctx, String userId, String roleKey) {
        requireChannelStaff(ctx);
        memberships.revokeExternalRole(ctx, userId, requireExternalRole(ctx, roleKey).key());
    }

    private Role requireExternalRole(CallContext ctx, String roleKey) {
        return requireExternalRole(roles, ctx, roleKey);
    }

    /** The tenant's external role of that key: 404 when there is none, 422 when it is an internal one. */
    static Role requireExternalRole(RoleService roles, CallContext ctx, String roleKey) {
        Role role = roles.findRole(ctx, roleKey).orElseThrow(() -> ApiException.notFound("Role"));
        if (role.kind() != RoleKind.EXTERNAL) {
            throw ApiException.unprocessable("internal_role", "role " + roleKey
                + " is an internal role; permissions here are for external roles", "role");
        }
        return role;
    }

    static void requireChannelStaff(CallContext ctx) {
        ctx.requireChannelStaff("manage external roles and their permissions");
    }

    private static DomainEvent event(CallContext ctx, String type, String role, String object, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>(data);
        payload.put("role", role);
        if (object != null) {
            payload.put("object", object);
        }
        return new DomainEvent(type, ctx.tenantId(), "Role", role, ctx.userId(),
            object == null ? type.substring("access.".length()).replace('.', ' ') + ": " + role
                : "permissions of " + role + " on " + object + " changed", payload);
    }
}
