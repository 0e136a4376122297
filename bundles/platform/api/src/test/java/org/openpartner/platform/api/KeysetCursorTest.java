package org.openpartner.platform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import org.junit.Test;

public class KeysetCursorTest {

    @Test
    public void roundTripsThroughItsOpaqueForm() {
        KeysetCursor cursor = new KeysetCursor("-createdAt", "1767225600000", "01a2-id");
        String encoded = cursor.encode();
        assertEquals(cursor, KeysetCursor.decode(encoded, "-createdAt"));
        assertEquals("URL-safe", encoded, java.net.URLEncoder.encode(encoded, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    public void valuesMayHoldAnyText() {
        KeysetCursor cursor = new KeysetCursor("name", "acme, ltd. / ünïcode", "id");
        assertEquals(cursor, KeysetCursor.decode(cursor.encode(), "name"));
    }

    @Test
    public void noCursorIsTheFirstPage() {
        assertNull(KeysetCursor.decode(null, "name"));
        assertNull(KeysetCursor.decode(" ", "name"));
    }

    @Test
    public void aCursorOfAnotherSortOrTamperedWithIs400() {
        String byName = new KeysetCursor("name", "acme", "id").encode();
        for (String bad : new String[] {byName + "x", "!!!", "bm9wZQ", byName.substring(2)}) {
            expectInvalid(bad, "name");
        }
        expectInvalid(byName, "createdAt");
    }

    private static void expectInvalid(String cursor, String sort) {
        try {
            KeysetCursor.decode(cursor, sort);
            fail("accepted " + cursor);
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals("invalid_cursor", e.code());
            assertEquals("cursor", e.field());
        }
    }
}
