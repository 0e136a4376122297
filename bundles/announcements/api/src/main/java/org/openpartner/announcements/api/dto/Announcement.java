package org.openpartner.announcements.api.dto;

import java.time.Instant;

/** An announcement of an upstream tenant; {@code pinned} ones come first in the portal. */
public record Announcement(String id, String title, String body, boolean pinned, String createdBy, Instant createdAt,
                           Instant updatedAt, long version) {
}
