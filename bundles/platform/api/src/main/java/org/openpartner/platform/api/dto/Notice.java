package org.openpartner.platform.api.dto;

import java.time.Instant;

/**
 * A business notice in a user's in-app list (SPEC S14): what happened, about which record, and whether the user has
 * read it ({@code readAt} null: unread).
 *
 * @since 1.3
 */
public record Notice(String id, String kind, String title, String body, String objectName, String recordId,
                     Instant createdAt, Instant readAt) {
}
