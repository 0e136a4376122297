package org.openpartner.leads.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.Test;
import org.openpartner.leads.api.dto.LeadInput;
import org.openpartner.leads.internal.jpa.LeadEntity;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.PhoneNumbers;

/** A lead's input, case by case: what is required, how values are cleaned, which fields a change touches. */
public class LeadValidationTest {

    private final PhoneNumbers phones = mock(PhoneNumbers.class);

    private static LeadInput input(String name, String email, String mobile, String industry) {
        return new LeadInput(name, null, mobile, email, null, null, industry, null);
    }

    @Test
    public void aNewLeadNeedsANameAndGetsItsValuesCleaned() {
        when(phones.normalizeMobile(eq("415 555 0101"), anyString())).thenReturn("+14155550101");
        LeadServiceImpl.Valid valid = LeadServiceImpl.validate(input("  Acme \t buyer ", null, "415 555 0101", " "), true,
            phones);
        assertEquals("Acme buyer", valid.name());
        assertEquals("+14155550101", valid.mobile());
        assertNull(valid.industry());
        assertRefused("required", "name", () -> LeadServiceImpl.validate(input(null, null, null, null), true, phones));
        assertRefused("required", "name", () -> LeadServiceImpl.validate(input("  ", null, null, null), true, phones));
        assertRefused("too_long", "name", () -> LeadServiceImpl.validate(input("x".repeat(201), null, null, null), true,
            phones));
    }

    @Test
    public void emailsAndLongTextsAreRefusedNamingTheField() {
        for (String bad : List.of("plain", "a@b", "a b@c.d", "@c.d")) {
            assertRefused("invalid_email", "email", () -> LeadServiceImpl.validate(input("n", bad, null, null), true,
                phones));
        }
        assertEquals("a@b.co", LeadServiceImpl.validate(input("n", "a@b.co", null, null), true, phones).email());
        assertRefused("too_long", "industry", () -> LeadServiceImpl.validate(input("n", null, null, "i".repeat(101)),
            true, phones));
    }

    @Test
    public void anUpdateChangesWhatItSendsAndAnEmptyStringClears() {
        LeadEntity stored = new LeadEntity();
        stored.setName("Acme buyer");
        stored.setIndustry("Retail");
        stored.setEmail("a@b.co");
        LeadServiceImpl.Valid valid = LeadServiceImpl.validate(input(null, "a@b.co", null, ""), false, phones);
        // The name is left as it is, the email sent unchanged is no change, the industry is cleared.
        assertEquals(List.of("industry"), valid.changed(stored));
        valid.applyTo(stored);
        assertEquals("Acme buyer", stored.getName());
        assertNull(stored.getIndustry());
        assertEquals(List.of(), valid.changed(stored));
    }

    private static void assertRefused(String code, String field, Runnable work) {
        try {
            work.run();
            fail("expected " + code);
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals(code, e.code());
            assertEquals(field, e.field());
        }
    }
}
