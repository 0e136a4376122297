package org.openpartner.platform.internal.notices;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.KeysetCursor;
import org.openpartner.platform.api.NoticeService;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.dto.Notice;
import org.openpartner.platform.api.dto.NoticeDraft;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.internal.jpa.NoticeEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = NoticeService.class)
public class NoticeServiceImpl implements NoticeService {

    private static final String SORT = "newest";
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 2000;

    private final Transactions tx;

    @Activate
    public NoticeServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-platform)") EntityManagerFactory emf) {
        this.tx = new Transactions(emf);
    }

    @Override
    public void send(String tenantId, Collection<String> userIds, NoticeDraft draft) {
        if (draft.kind() == null || draft.title() == null || draft.title().isBlank()) {
            throw new IllegalArgumentException("a notice needs a kind and a title");
        }
        Instant now = Instant.now();
        tx.inTransaction(em -> {
            for (String userId : new LinkedHashSet<>(userIds)) {
                NoticeEntity notice = new NoticeEntity();
                notice.setId(Ids.newId());
                notice.setTenantId(tenantId);
                notice.setUserId(userId);
                notice.setKind(draft.kind());
                notice.setTitle(cut(draft.title(), MAX_TITLE));
                notice.setBody(draft.body() == null ? null : cut(draft.body(), MAX_BODY));
                notice.setObjectName(draft.objectName());
                notice.setRecordId(draft.recordId());
                notice.setCreatedAt(now);
                em.persist(notice);
            }
            em.flush();
            return null;
        });
    }

    @Override
    public Page<Notice> list(CallContext ctx, boolean unreadOnly, PageRequest page) {
        if (ctx.isConsole()) {
            throw ApiException.forbidden("the console has no notices: read them as a user");
        }
        KeysetCursor after = KeysetCursor.decode(page.cursor(), SORT);
        return tx.read(em -> {
            TypedQuery<NoticeEntity> query = em.createQuery("select n from NoticeEntity n where n.userId = :u "
                + "and n.tenantId = :t" + (unreadOnly ? " and n.readAt is null" : "")
                + (after == null ? "" : " and (n.createdAt < :after or (n.createdAt = :after and n.id < :afterId))")
                + " order by n.createdAt desc, n.id desc", NoticeEntity.class)
                .setParameter("u", ctx.userId()).setParameter("t", ctx.tenantId());
            if (after != null) {
                try {
                    query.setParameter("after", new java.util.Date(Long.parseLong(after.value())));
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("invalid_cursor", "the cursor is not one this list gave", "cursor");
                }
                query.setParameter("afterId", after.id());
            }
            List<NoticeEntity> rows = query.setMaxResults(page.limit() + 1).getResultList();
            boolean more = rows.size() > page.limit();
            List<NoticeEntity> items = more ? rows.subList(0, page.limit()) : rows;
            NoticeEntity last = more ? items.get(items.size() - 1) : null;
            return new Page<>(items.stream().map(NoticeServiceImpl::toDto).toList(), last == null ? null
                : new KeysetCursor(SORT, String.valueOf(last.getCreatedAt().toEpochMilli()), last.getId()).encode());
        });
    }

    @Override
    public Notice markRead(CallContext ctx, String noticeId) {
        return tx.inTransaction(em -> {
            NoticeEntity notice = noticeId == null ? null : em.find(NoticeEntity.class, noticeId);
            if (notice == null || !notice.getUserId().equals(ctx.userId()) || !notice.getTenantId().equals(ctx.tenantId())) {
                throw ApiException.notFound("Notice");
            }
            if (notice.getReadAt() == null) {
                notice.setReadAt(Instant.now());
            }
            return toDto(notice);
        });
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    static Notice toDto(NoticeEntity n) {
        return new Notice(n.getId(), n.getKind(), n.getTitle(), n.getBody(), n.getObjectName(), n.getRecordId(),
            n.getCreatedAt(), n.getReadAt());
    }
}
