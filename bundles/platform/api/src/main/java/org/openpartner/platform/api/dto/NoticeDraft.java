package org.openpartner.platform.api.dto;

/**
 * A notice to send: a kind for filtering ({@code pool.recycle-reminder}), a title, an optional body, and the record
 * it is about (both null for none). Texts must not carry what the recipients' roles may hide: name records by id.
 *
 * @since 1.3
 */
public record NoticeDraft(String kind, String title, String body, String objectName, String recordId) {
}
