package org.openpartner.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of keyset-paged lists: the sort it belongs to and the sort value and id of the last record
 * of the previous page. A cursor used with another sort, or tampered with, is a 400.
 */
public record KeysetCursor(String sort, String value, String id) {

    private static final char SEPARATOR = '\u001f';

    public String encode() {
        String raw = sort + SEPARATOR + value + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns null for a null or blank cursor (the first page). */
    public static KeysetCursor decode(String cursor, String expectedSort) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
            if (parts.length == 3 && parts[0].equals(expectedSort) && !parts[2].isEmpty()) {
                return new KeysetCursor(parts[0], parts[1], parts[2]);
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the same answer as a cursor of another sort
        }
        throw ApiException.badRequest("invalid_cursor", "cursor does not belong to this list and sort", "cursor");
    }
}
