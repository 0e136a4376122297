package org.openpartner.platform.api;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items      the records of this page
 * @param nextCursor an opaque cursor for the next page, or null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
