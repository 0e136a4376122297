package org.openpartner.access.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.FieldAccess;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.FieldType;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.ObjectDefinition;

/** SPEC S4's rules for roles, case by case: a user's rights are the union of their roles'. */
public class RolePermissionsTest {

    private static final ObjectDefinition LEAD = new ObjectDefinition("lead", "Lead", List.of(
        FieldDefinition.system("id", "Id", FieldType.TEXT),
        FieldDefinition.of("name", "Name", FieldType.TEXT, true),
        FieldDefinition.of("budget", "Budget", FieldType.NUMBER, false),
        FieldDefinition.of("phone", "Phone", FieldType.PHONE, false),
        FieldDefinition.system("createdAt", "Created", FieldType.DATETIME)),
        List.of("claim"), Set.of(Actions.VIEW), Set.of(), true);

    private static RolePermissions stored(Map<String, Set<String>> actions, Map<String, Map<String, FieldAccess>> fields) {
        return new RolePermissions(LEAD, actions, fields);
    }

    @Test
    public void anUnconfiguredExternalRoleHasTheObjectsDefaultsAndSeesEveryField() {
        ObjectAccess access = stored(Map.of(), Map.of()).union(List.of("dealer"), true);
        assertEquals(Set.of(Actions.VIEW), access.actions());
        assertEquals(FieldAccess.READ_WRITE, access.field("budget"));
        assertEquals(FieldAccess.READ_ONLY, access.field("createdAt"));
        assertEquals(FieldAccess.READ_ONLY, access.field("id"));
    }

    @Test
    public void theRecordTypesAUserMayCreateAreThoseOfItsRolesThatMayCreate() {
        List<String> all = List.of("standard", "deal", "referral");
        RolePermissions stored = stored(Map.of("dealer", Set.of(Actions.VIEW, Actions.CREATE),
            "referrer", Set.of(Actions.VIEW, Actions.CREATE), "reader", Set.of(Actions.VIEW)), Map.of());
        Map<String, List<String>> restricted = Map.of("dealer", List.of("deal"), "referrer", List.of("referral", "deal"),
            "reader", List.of("standard"));
        assertEquals(List.of("deal"), stored.creatableRecordTypes(List.of("dealer"), true, all, restricted));
        // The union, in the object's order; a role that may not create adds no type.
        assertEquals(List.of("deal", "referral"),
            stored.creatableRecordTypes(List.of("referrer", "dealer", "reader"), true, all, restricted));
        assertEquals(List.of(), stored.creatableRecordTypes(List.of("reader"), true, all, restricted));
        // A role without a stored choice may create every type; employees too.
        assertEquals(all, stored.creatableRecordTypes(List.of("dealer"), true, all, Map.of()));
        assertEquals(all, stored.creatableRecordTypes(List.of(), false, all, restricted));
    }

    @Test
    public void anUnconfiguredInternalRoleHasNothing() {
        ObjectAccess access = stored(Map.of(), Map.of()).union(List.of("clerk"), false);
        assertEquals(Set.of(), access.actions());
        assertEquals(Set.of("name", "budget", "phone", "createdAt"), access.hiddenFields());
    }

    @Test
    public void aConfiguredRoleHasExactlyItsActionsEvenNone() {
        assertEquals(Set.of(), stored(Map.of("dealer", Set.of()), Map.of()).union(List.of("dealer"), true).actions());
        assertEquals(Set.of("view", "edit", "claim"), stored(Map.of("dealer", Set.of("view", "edit", "claim")), Map.of())
            .union(List.of("dealer"), true).actions());
    }

    @Test
    public void actionsTheObjectNoLongerHasAreDropped() {
        assertEquals(Set.of("view"), stored(Map.of("dealer", Set.of("view", "teleport")), Map.of())
            .union(List.of("dealer"), true).actions());
    }

    @Test
    public void actionsAreTheUnionOfTheRoles() {
        RolePermissions p = stored(Map.of("a", Set.of("view"), "b", Set.of("claim", "export")), Map.of());
        assertEquals(Set.of("view", "claim", "export"), p.union(List.of("a", "b"), true).actions());
    }

    @Test
    public void eachFieldTakesTheMostPermissiveAccessAmongTheRoles() {
        RolePermissions p = stored(Map.of("a", Set.of("view"), "b", Set.of("view")), Map.of(
            "a", Map.of("budget", FieldAccess.HIDDEN, "phone", FieldAccess.READ_ONLY),
            "b", Map.of("budget", FieldAccess.READ_ONLY, "phone", FieldAccess.HIDDEN, "name", FieldAccess.HIDDEN)));
        ObjectAccess access = p.union(List.of("a", "b"), true);
        assertEquals(FieldAccess.READ_ONLY, access.field("budget"));
        assertEquals(FieldAccess.READ_ONLY, access.field("phone"));
        assertEquals(FieldAccess.READ_WRITE, access.field("name"));
        assertEquals(FieldAccess.HIDDEN, p.union(List.of("a"), true).field("budget"));
    }

    @Test
    public void aRoleThatMayNotViewTheObjectUncoversNoField() {
        RolePermissions p = stored(Map.of("viewer", Set.of("view"), "claimer", Set.of("claim")),
            Map.of("viewer", Map.of("budget", FieldAccess.HIDDEN)));
        ObjectAccess access = p.union(List.of("viewer", "claimer"), true);
        assertFalse(access.isVisible("budget"));
        assertTrue(access.can("claim"));
    }

    @Test
    public void withNoRoleThatMayViewEveryFieldButTheIdIsHidden() {
        ObjectAccess access = stored(Map.of("claimer", Set.of("claim")), Map.of()).union(List.of("claimer"), true);
        assertEquals(Set.of("name", "budget", "phone", "createdAt"), access.hiddenFields());
        assertTrue(access.isVisible("id"));
    }

    @Test
    public void employeesHaveTheObjectsInternalDefaultsWhateverTheirRoles() {
        ObjectDefinition notice = new ObjectDefinition("notice", "Notice", LEAD.fields(), List.of(), Set.of(),
            Set.of(Actions.VIEW), false);
        RolePermissions p = new RolePermissions(notice, Map.of("clerk", Set.of()), Map.of());
        ObjectAccess access = p.union(List.of(), false);
        assertEquals(Set.of(Actions.VIEW), access.actions());
        assertTrue(access.hiddenFields().isEmpty());
        assertEquals(Set.of(Actions.VIEW), p.union(List.of("clerk"), false).actions());
    }

    @Test
    public void oneRolesViewForAdministrationListsEveryField() {
        RolePermissions p = stored(Map.of(), Map.of("a", Map.of("budget", FieldAccess.HIDDEN)));
        Map<String, FieldAccess> fields = p.fields("a");
        assertEquals(List.of("id", "name", "budget", "phone", "createdAt"), List.copyOf(fields.keySet()));
        assertEquals(FieldAccess.HIDDEN, fields.get("budget"));
        assertEquals(FieldAccess.READ_ONLY, fields.get("createdAt"));
        assertEquals(List.of("view", "claim"), p.ordered(Set.of("claim", "view")));
    }
}
