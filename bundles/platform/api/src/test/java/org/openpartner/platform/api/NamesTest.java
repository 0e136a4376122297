package org.openpartner.platform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.junit.Test;

public class NamesTest {

    @Test
    public void keysIgnoreCaseAndSurroundingOrRepeatedSpaces() {
        assertEquals(Names.key("Acme Ltd"), Names.key("  ACME \t  ltd "));
        assertEquals("acme ltd", Names.key("Acme\u00a0 Ltd".replace('\u00a0', ' ')));
        assertEquals("Acme Ltd", Names.clean("  Acme   Ltd "));
    }

    @Test
    public void requiredNamesAreCheckedWithTheFieldNamed() {
        assertEquals("Acme", Names.require(" Acme ", "name", 10));
        for (String bad : new String[] {null, "", "   "}) {
            try {
                Names.require(bad, "name", 10);
                fail();
            } catch (ApiException e) {
                assertEquals("required", e.code());
                assertEquals("name", e.field());
            }
        }
        try {
            Names.require("x".repeat(11), "name", 10);
            fail();
        } catch (ApiException e) {
            assertEquals("too_long", e.code());
        }
    }

    @Test
    public void pageLimitsAreBounded() {
        assertEquals(500, new PageRequest(500, null, null).limit());
        for (int bad : new int[] {0, -1, 501}) {
            try {
                new PageRequest(bad, null, null);
                fail();
            } catch (ApiException e) {
                assertEquals("limit", e.field());
            }
        }
    }
}
