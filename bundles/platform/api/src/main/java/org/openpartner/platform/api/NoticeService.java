package org.openpartner.platform.api;

import java.util.Collection;

import org.openpartner.platform.api.dto.Notice;
import org.openpartner.platform.api.dto.NoticeDraft;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Business notices per user (SPEC S14), delivered in-app: capabilities send them, users list and mark them read.
 * Delivery channels (webhook, e-mail) come later and will read the same notices.
 *
 * @since 1.7
 */
@ProviderType
public interface NoticeService {

    /**
     * Sends the notice to each user, for the tenant they act for. Inside a {@code UnitOfWork} the notices commit with
     * the unit's other writes, so a rolled-back change notifies no one.
     */
    void send(String tenantId, Collection<String> userIds, NoticeDraft draft);

    /** The caller's notices in the tenant it acts for, newest first; {@code unreadOnly} leaves the read ones out. */
    Page<Notice> list(CallContext ctx, boolean unreadOnly, PageRequest page);

    /** Marks one of the caller's notices read (again: no change); another user's is "not found". */
    Notice markRead(CallContext ctx, String noticeId);
}
