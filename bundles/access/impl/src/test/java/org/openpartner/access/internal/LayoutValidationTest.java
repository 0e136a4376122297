package org.openpartner.access.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.openpartner.access.api.dto.LayoutInput;
import org.openpartner.access.api.dto.LayoutSection;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.FieldType;
import org.openpartner.platform.api.access.ObjectDefinition;

/** Every refusal of a page layout, with the place it names. */
public class LayoutValidationTest {

    private static final ObjectDefinition LEAD = new ObjectDefinition("lead", "Lead", List.of(
        FieldDefinition.system("id", "Id", FieldType.TEXT),
        FieldDefinition.of("name", "Name", FieldType.TEXT, true),
        FieldDefinition.of("phone", "Phone", FieldType.PHONE, false)),
        List.of(), Set.of(), Set.of(), true);

    private static LayoutInput layout(LayoutSection... sections) {
        return new LayoutInput(Arrays.asList(sections));
    }

    @Test
    public void refusals() {
        Object[][] cases = {
            {null, "required", "sections"},
            {new LayoutInput(null), "required", "sections"},
            {layout(new LayoutSection("Main", List.of())), "required", "sections[0].fields"},
            {layout(new LayoutSection(" ", List.of("name"))), "required", "sections[0].label"},
            {layout(new LayoutSection("Main", List.of("name")), new LayoutSection("More", List.of("budget"))),
                "unknown_field", "sections[1].fields"},
            {layout(new LayoutSection("Main", List.of("name", "phone")), new LayoutSection("More", List.of("phone"))),
                "duplicate_field", "sections[1].fields"},
        };
        for (Object[] c : cases) {
            try {
                LayoutAdminImpl.validate(LEAD, (LayoutInput) c[0]);
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
        assertEquals(List.of(new LayoutSection("Main", List.of("name")), new LayoutSection("Contact", List.of("phone", "id"))),
            LayoutAdminImpl.validate(LEAD, layout(new LayoutSection(" Main ", List.of("name")),
                new LayoutSection("Contact", List.of("phone", "id")))));
        assertEquals(List.of(), LayoutAdminImpl.validate(LEAD, layout()));
    }
}
