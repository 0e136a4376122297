package org.openpartner.platform.api.access;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.openpartner.platform.api.ApiException;

public class ObjectAccessTest {

    private static final ObjectDefinition LEAD = new ObjectDefinition("lead", "Lead", List.of(
        FieldDefinition.system("id", "Id", FieldType.TEXT),
        FieldDefinition.of("name", "Name", FieldType.TEXT, true),
        FieldDefinition.of("budget", "Budget", FieldType.NUMBER, false),
        FieldDefinition.system("createdAt", "Created", FieldType.DATETIME)),
        List.of("claim"), Set.of(Actions.VIEW), Set.of(), true);

    @Test
    public void theIdIsNeverHiddenAndSystemFieldsNeverWritable() {
        ObjectAccess access = new ObjectAccess(LEAD, Set.of(), Map.of("id", FieldAccess.HIDDEN,
            "createdAt", FieldAccess.READ_WRITE));
        assertEquals(FieldAccess.READ_ONLY, access.field("id"));
        assertEquals(FieldAccess.READ_ONLY, access.field("createdAt"));
        assertEquals(FieldAccess.READ_WRITE, access.field("name"));
        assertEquals(FieldAccess.HIDDEN, access.field("noSuchField"));
    }

    @Test
    public void aCreateNeedsTheActionAndARecordTypeTheCallerMayCreate() {
        int[] asked = {0};
        ObjectAccess access = new ObjectAccess(LEAD, Set.of(Actions.CREATE), Map.of(), () -> {
            asked[0]++;
            return new ObjectAccess.RecordTypes(List.of("standard", "deal", "referral"), List.of("deal", "referral"));
        });
        assertEquals("a list asks for no record types", 0, asked[0]);
        assertEquals("deal", access.requireCreate(null));
        assertEquals("referral", access.requireCreate("referral"));
        assertRefused("record_type_not_permitted", "recordType", () -> access.requireCreate("standard"));
        try {
            access.requireCreate("nope");
            fail("expected unknown_record_type");
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals("unknown_record_type", e.code());
            assertEquals("recordType", e.field());
        }
        assertEquals(List.of("deal", "referral"), access.creatableRecordTypes());
        assertEquals("read once", 1, asked[0]);
        ObjectAccess viewer = new ObjectAccess(LEAD, Set.of(Actions.VIEW), Map.of(),
            () -> new ObjectAccess.RecordTypes(List.of("standard"), List.of("standard")));
        assertEquals(List.of(), viewer.creatableRecordTypes());
        assertRefused("action_not_permitted", "action", () -> viewer.requireCreate("standard"));
        ObjectAccess none = new ObjectAccess(LEAD, Set.of(Actions.CREATE), Map.of(),
            () -> new ObjectAccess.RecordTypes(List.of("standard"), List.of()));
        assertRefused("record_type_not_permitted", "recordType", () -> none.requireCreate(null));
        // Built without record types (not by the engine): only the action is checked.
        assertEquals("any", new ObjectAccess(LEAD, Set.of(Actions.CREATE), Map.of()).requireCreate("any"));
    }

    @Test
    public void writesNameTheFirstFieldTheCallerMayNotSet() {
        ObjectAccess access = new ObjectAccess(LEAD, Set.of(Actions.EDIT), Map.of("budget", FieldAccess.HIDDEN,
            "name", FieldAccess.READ_ONLY));
        access.requireWritable(List.of());
        assertRefused("field_read_only", "name", () -> access.requireWritable(List.of("name", "budget")));
        assertRefused("field_hidden", "budget", () -> access.requireWritable(List.of("budget")));
        assertRefused("field_read_only", "createdAt", () -> access.requireWritable(List.of("createdAt")));
    }

    @Test
    public void actionsAreCheckedByName() {
        ObjectAccess access = new ObjectAccess(LEAD, Set.of(Actions.VIEW), Map.of());
        assertTrue(access.can(Actions.VIEW));
        assertFalse(access.can("claim"));
        assertRefused("action_not_permitted", "action", () -> access.require("claim"));
        assertEquals(Set.copyOf(LEAD.allActions()), ObjectAccess.unrestricted(LEAD).actions());
        assertEquals(Set.of("name", "budget", "createdAt"), ObjectAccess.none(LEAD).hiddenFields());
    }

    @Test
    public void definitionsAreCheckedWhenBuilt() {
        List<FieldDefinition> noId = List.of(FieldDefinition.of("name", "Name", FieldType.TEXT, true));
        assertInvalid(() -> new ObjectDefinition("lead", "Lead", noId, List.of(), Set.of(), Set.of(), true));
        assertInvalid(() -> new ObjectDefinition("Lead!", "Lead", LEAD.fields(), List.of(), Set.of(), Set.of(), true));
        assertInvalid(() -> new ObjectDefinition("lead", "Lead", LEAD.fields(), List.of(), Set.of("claim"), Set.of(), true));
        assertInvalid(() -> new ObjectDefinition("lead", "Lead", List.of(LEAD.fields().get(0), LEAD.fields().get(0)),
            List.of(), Set.of(), Set.of(), true));
        assertEquals(List.of("view", "create", "edit", "delete", "import", "export", "claim"), LEAD.allActions());
    }

    private static void assertRefused(String code, String field, Runnable work) {
        try {
            work.run();
            fail("expected " + code);
        } catch (ApiException e) {
            assertEquals(403, e.status());
            assertEquals(code, e.code());
            assertEquals(field, e.field());
        }
    }

    private static void assertInvalid(Runnable work) {
        try {
            work.run();
            fail("expected an invalid definition");
        } catch (IllegalArgumentException expected) {
            // the message names the problem
        }
    }
}
