package org.openpartner.platform.api;

/**
 * What page of a list the caller asks for.
 *
 * @param limit  how many records at most (1 to {@link #MAX_LIMIT})
 * @param cursor the {@link Page#nextCursor()} of the previous page, or null for the first page
 * @param sort   a whitelisted field, prefixed with {@code -} for descending order; null for the default
 */
public record PageRequest(int limit, String cursor, String sort) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and " + MAX_LIMIT, "limit");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null, null);
    }
}
