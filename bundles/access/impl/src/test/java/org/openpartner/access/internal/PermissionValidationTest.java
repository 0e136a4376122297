package org.openpartner.access.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.openpartner.access.api.dto.PermissionsInput;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.access.FieldAccess;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.FieldType;
import org.openpartner.platform.api.access.ObjectDefinition;

/** Every refusal of a permission change, with the field it names. */
public class PermissionValidationTest {

    private static final ObjectDefinition LEAD = new ObjectDefinition("lead", "Lead", List.of(
        FieldDefinition.system("id", "Id", FieldType.TEXT),
        FieldDefinition.of("name", "Name", FieldType.TEXT, true),
        FieldDefinition.system("createdAt", "Created", FieldType.DATETIME)),
        List.of("claim"), Set.of(), Set.of(), true);

    private static Map<String, FieldAccess> field(String name, FieldAccess access) {
        Map<String, FieldAccess> fields = new HashMap<>();
        fields.put(name, access);
        return fields;
    }

    @Test
    public void refusals() {
        Object[][] cases = {
            {null, "required", "actions"},
            {new PermissionsInput(null, null), "required", "actions"},
            {new PermissionsInput(Set.of("view", "fly"), null), "unknown_action", "actions"},
            {new PermissionsInput(null, field("budget", FieldAccess.HIDDEN)), "unknown_field", "fields.budget"},
            {new PermissionsInput(null, field("name", null)), "required", "fields.name"},
            {new PermissionsInput(null, field("id", FieldAccess.HIDDEN)), "fixed_field", "fields.id"},
            {new PermissionsInput(null, field("createdAt", FieldAccess.READ_WRITE)), "fixed_field", "fields.createdAt"},
        };
        for (Object[] c : cases) {
            try {
                PermissionAdminImpl.validate(LEAD, (PermissionsInput) c[0]);
                fail("accepted " + c[0]);
            } catch (ApiException e) {
                assertEquals(String.valueOf(c[0]), 400, e.status());
                assertEquals(String.valueOf(c[0]), c[1], e.code());
                assertEquals(String.valueOf(c[0]), c[2], e.field());
            }
        }
    }

    @Test
    public void accepted() {
        PermissionAdminImpl.validate(LEAD, new PermissionsInput(Set.of("view", "claim"), null));
        PermissionAdminImpl.validate(LEAD, new PermissionsInput(Set.of(), Map.of("name", FieldAccess.HIDDEN,
            "createdAt", FieldAccess.HIDDEN)));
    }
}
