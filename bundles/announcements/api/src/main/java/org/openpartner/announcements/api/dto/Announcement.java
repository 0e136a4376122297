package org.openpartner.announcements.api.dto;

import java.time.Instant;

import org.openpartner.announcements.api.AnnouncementService;
import org.openpartner.platform.api.access.AccessObject;

/** An announcement of an upstream tenant; {@code pinned} ones come first in the portal. */
@AccessObject(AnnouncementService.OBJECT)
public record Announcement(String id, String title, String body, boolean pinned, String createdBy, Instant createdAt,
                           Instant updatedAt, long version) {
}
