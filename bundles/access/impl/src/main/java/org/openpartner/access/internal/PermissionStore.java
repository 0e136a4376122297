package org.openpartner.access.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.openpartner.access.internal.jpa.RoleFieldPermissionEntity;
import org.openpartner.access.internal.jpa.RoleObjectPermissionEntity;
import org.openpartner.access.internal.jpa.RoleRecordTypeEntity;
import org.openpartner.platform.api.access.FieldAccess;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.jpa.ShareRule;
import org.openpartner.platform.api.jpa.InLists;

/** Reads and deletes the stored role permissions; two indexed queries per object and role set. */
final class PermissionStore {

    private PermissionStore() {
    }

    static RolePermissions load(EntityManager em, String tenantId, ObjectDefinition object, Collection<String> roles) {
        List<String> roleKeys = List.copyOf(roles);
        Map<String, Set<String>> actions = new HashMap<>();
        for (RoleObjectPermissionEntity row : InLists.query(roleKeys, keys -> em.createQuery(
                "select p from RoleObjectPermissionEntity p where p.tenantId = :t and p.objectName = :o "
                    + "and p.roleKey in :roles", RoleObjectPermissionEntity.class)
            .setParameter("t", tenantId).setParameter("o", object.name()).setParameter("roles", keys).getResultList())) {
            actions.put(row.getRoleKey(), row.getActions());
        }
        Map<String, Map<String, FieldAccess>> fields = new HashMap<>();
        for (RoleFieldPermissionEntity row : InLists.query(roleKeys, keys -> em.createQuery(
                "select f from RoleFieldPermissionEntity f where f.tenantId = :t and f.objectName = :o "
                    + "and f.roleKey in :roles", RoleFieldPermissionEntity.class)
            .setParameter("t", tenantId).setParameter("o", object.name()).setParameter("roles", keys).getResultList())) {
            fields.computeIfAbsent(row.getRoleKey(), k -> new HashMap<>())
                .put(row.getFieldName(), FieldAccess.valueOf(row.getAccess()));
        }
        return new RolePermissions(object, actions, fields);
    }

    /** Per role with a stored choice, the record types it may create records of. */
    static Map<String, List<String>> recordTypes(EntityManager em, String tenantId, String object, Collection<String> roles) {
        Map<String, List<String>> types = new HashMap<>();
        InLists.query(List.copyOf(roles), keys -> em.createQuery("select r from RoleRecordTypeEntity r "
                + "where r.tenantId = :t and r.objectName = :o and r.roleKey in :roles", RoleRecordTypeEntity.class)
            .setParameter("t", tenantId).setParameter("o", object).setParameter("roles", keys).getResultList())
            .forEach(row -> types.put(row.getRoleKey(), List.copyOf(row.getRecordTypes())));
        return types;
    }

    static RoleObjectPermissionEntity objectRow(EntityManager em, String tenantId, String role, String object) {
        return em.createQuery("select p from RoleObjectPermissionEntity p where p.tenantId = :t and p.objectName = :o "
                + "and p.roleKey = :r", RoleObjectPermissionEntity.class)
            .setParameter("t", tenantId).setParameter("o", object).setParameter("r", role)
            .getResultList().stream().findFirst().orElse(null);
    }

    static void deleteField(EntityManager em, String tenantId, String role, String object, String field) {
        em.createQuery("delete from RoleFieldPermissionEntity f where f.tenantId = :t and f.objectName = :o "
                + "and f.roleKey = :r and f.fieldName = :f")
            .setParameter("t", tenantId).setParameter("o", object).setParameter("r", role).setParameter("f", field)
            .executeUpdate();
    }

    /**
     * Everything stored for a role - permissions, layouts, creatable record types, sharing rules from or to it,
     * grants to it: when it is deleted, and before a role of the same key is created, so that a new role never
     * inherits an old one's rights.
     */
    static void deleteRole(EntityManager em, String tenantId, String role) {
        em.createQuery("delete from LayoutFieldEntity f where f.tenantId = :t and f.roleKey = :r")
            .setParameter("t", tenantId).setParameter("r", role).executeUpdate();
        em.createQuery("delete from RoleRecordTypeEntity x where x.tenantId = :t and x.roleKey = :r")
            .setParameter("t", tenantId).setParameter("r", role).executeUpdate();
        em.createQuery("delete from ShareRule s where s.tenantId = :t and (s.target = :p "
                + "or (s.sourceKind = :roleSource and s.sourceKey = :r))")
            .setParameter("t", tenantId).setParameter("p", "R:" + role).setParameter("roleSource", ShareRule.SOURCE_ROLE)
            .setParameter("r", role).executeUpdate();
        em.createQuery("delete from ShareGrant g where g.tenantId = :t and g.principal = :p")
            .setParameter("t", tenantId).setParameter("p", "R:" + role).executeUpdate();
        em.createQuery("delete from RoleObjectPermissionEntity p where p.tenantId = :t and p.roleKey = :r")
            .setParameter("t", tenantId).setParameter("r", role).executeUpdate();
        em.createQuery("delete from RoleFieldPermissionEntity f where f.tenantId = :t and f.roleKey = :r")
            .setParameter("t", tenantId).setParameter("r", role).executeUpdate();
    }
}
