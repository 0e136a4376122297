package org.openpartner.announcements.api.dto;

/**
 * The writable fields of an announcement.
 *
 * @param version for updates: the version the client read (optimistic locking); null skips the check
 */
public record AnnouncementInput(String title, String body, Boolean pinned, Long version) {
}
