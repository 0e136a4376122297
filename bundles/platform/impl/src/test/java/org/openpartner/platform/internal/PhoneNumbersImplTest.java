package org.openpartner.platform.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.openpartner.platform.api.ApiException;

public class PhoneNumbersImplTest {

    private final PhoneNumbersImpl us = new PhoneNumbersImpl("US");

    @Test
    public void normalisesToE164() {
        assertEquals("+14155550132", us.normalizeMobile("(415) 555-0132", "mobile"));
        assertEquals("+14155550132", us.normalizeMobile("+1 415 555 0132", "mobile"));
        assertEquals("+8613812345678", us.normalizeMobile("+86 138 1234 5678", "mobile"));
        assertEquals("+8613812345678", new PhoneNumbersImpl("CN").normalizeMobile("138 1234 5678", "mobile"));
    }

    @Test
    public void rejectsWhatIsNotAMobileNamingTheField() {
        for (String bad : new String[] {"12", "555-12", "not a number", "+44 20 7946 0018", "+1 415 555 0132 0132 0132 0132 0132"}) {
            try {
                us.normalizeMobile(bad, "contact.mobile");
                fail("accepted " + bad);
            } catch (ApiException e) {
                assertEquals(400, e.status());
                assertEquals("invalid_mobile", e.code());
                assertEquals("contact.mobile", e.field());
            }
        }
    }

    @Test
    public void aMissingMobileIsRequired() {
        try {
            us.normalizeMobile("  ", "mobile");
            fail();
        } catch (ApiException e) {
            assertEquals("required", e.code());
        }
    }
}
