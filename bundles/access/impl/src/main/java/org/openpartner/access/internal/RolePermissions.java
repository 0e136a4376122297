package org.openpartner.access.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.FieldAccess;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.ObjectDefinition;

/**
 * What roles may do with an object, from the stored configuration: the rules of SPEC S4 in one place, without
 * the database, so that they are tested case by case.
 *
 * @param configuredActions per role configured for the object, its actions (a role absent here is unconfigured)
 * @param restrictedFields  per role, its fields that are not read-write
 */
record RolePermissions(ObjectDefinition object, Map<String, Set<String>> configuredActions,
                       Map<String, Map<String, FieldAccess>> restrictedFields) {

    /**
     * One role's actions: as configured, or until then the object's defaults when the role is external (internal
     * roles start with none: every employee has the object's internal defaults anyway). Actions the object no
     * longer has are dropped.
     */
    Set<String> actions(String role, boolean external) {
        Set<String> stored = configuredActions.get(role);
        Set<String> actions = new LinkedHashSet<>(stored != null ? stored
            : external ? object.defaultExternalActions() : Set.of());
        actions.retainAll(object.allActions());
        return actions;
    }

    /** One role's access to each field of the object. */
    Map<String, FieldAccess> fields(String role) {
        Map<String, FieldAccess> restricted = restrictedFields.getOrDefault(role, Map.of());
        Map<String, FieldAccess> fields = new LinkedHashMap<>();
        for (FieldDefinition field : object.fields()) {
            fields.put(field.name(), restricted.getOrDefault(field.name(), FieldAccess.READ_WRITE));
        }
        return new ObjectAccess(object, Set.of(), fields).fields();
    }

    /**
     * The union over the caller's roles (for an employee, with the object's internal defaults, which carry every
     * field): every action any of them allows; per field the most permissive access among those that may view the
     * object (a role that may not view it grants no field). Nothing may view it: no field is visible.
     */
    ObjectAccess union(Collection<String> roles, boolean external) {
        Set<String> actions = new LinkedHashSet<>();
        Map<String, FieldAccess> fields = new LinkedHashMap<>();
        if (!external) {
            actions.addAll(object.defaultInternalActions());
            if (actions.contains(Actions.VIEW)) {
                object.fields().forEach(f -> fields.put(f.name(), FieldAccess.READ_WRITE));
            }
        }
        for (String role : roles) {
            Set<String> roleActions = actions(role, external);
            actions.addAll(roleActions);
            if (roleActions.contains(Actions.VIEW)) {
                fields(role).forEach((field, access) -> fields.merge(field, access, FieldAccess::union));
            }
        }
        if (fields.isEmpty()) {
            ObjectAccess none = ObjectAccess.none(object);
            return new ObjectAccess(object, actions, none.fields());
        }
        return new ObjectAccess(object, actions, fields);
    }

    /**
     * The record types an external user may create, in the object's order: those its roles that may create
     * records allow (a role with no choice stored allows all of them). Employees follow the tenant's internal
     * permissions and may create every type.
     *
     * @param all        the object's record types in the tenant
     * @param restricted per role that has a stored choice, the types it may create
     */
    List<String> creatableRecordTypes(Collection<String> roles, boolean external, List<String> all,
                                      Map<String, List<String>> restricted) {
        if (!external) {
            return all;
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (String role : roles) {
            if (actions(role, true).contains(Actions.CREATE)) {
                allowed.addAll(restricted.getOrDefault(role, all));
            }
        }
        return all.stream().filter(allowed::contains).toList();
    }

    /** The standard actions first, then the object's own, keeping only those in {@code actions}. */
    List<String> ordered(Set<String> actions) {
        return object.allActions().stream().filter(actions::contains).toList();
    }
}
