package org.openpartner.announcements.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.openpartner.announcements.api.AnnouncementService;
import org.openpartner.announcements.api.dto.Announcement;
import org.openpartner.announcements.api.dto.AnnouncementInput;
import org.openpartner.announcements.internal.jpa.AnnouncementEntity;
import org.openpartner.interconnect.api.AppService;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.EventPublisher;
import org.openpartner.platform.api.Ids;
import org.openpartner.platform.api.KeysetCursor;
import org.openpartner.platform.api.Names;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.jpa.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = AnnouncementService.class)
public class AnnouncementServiceImpl implements AnnouncementService {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 20_000;
    private static final String SORT = "pinned-newest";

    private final Transactions tx;
    private final AppService apps;
    private final EventPublisher events;
    private final AccessControl access;

    @Activate
    public AnnouncementServiceImpl(@Reference(target = "(osgi.unit.name=openpartner-announcements)") EntityManagerFactory emf,
                                   @Reference AppService apps, @Reference EventPublisher events,
                                   @Reference AccessControl access) {
        this.tx = new Transactions(emf);
        this.access = access;
        this.apps = apps;
        this.events = events;
    }

    record Valid(String title, String body, boolean pinned) {
    }

    static Valid validate(AnnouncementInput input) {
        if (input == null) {
            throw ApiException.badRequest("required", "a body with title and body is required", "title");
        }
        String title = Names.require(input.title(), "title", MAX_TITLE);
        String body = input.body() == null ? "" : input.body().strip();
        if (body.isEmpty()) {
            throw ApiException.badRequest("required", "body is required", "body");
        }
        if (body.length() > MAX_BODY) {
            throw ApiException.badRequest("too_long", "body must be at most " + MAX_BODY + " characters", "body");
        }
        return new Valid(title, body, Boolean.TRUE.equals(input.pinned()));
    }

    /**
     * Staff and employees read their tenant's announcements; external users through the app's gate, when their
     * roles may view announcements.
     */
    private void requireReader(CallContext ctx) {
        if (ctx.isExternal()) {
            apps.requireAccess(ctx, APP_ID);
        } else if (!ctx.isInternal()) {
            throw ApiException.forbidden("act for the enterprise whose announcements you read");
        }
        access.access(ctx, OBJECT).require(Actions.VIEW);
    }

    @Override
    public Announcement publish(CallContext ctx, AnnouncementInput input) {
        ctx.requireChannelStaff("post announcements");
        Valid valid = validate(input);
        return tx.inTransaction(em -> {
            Instant now = Instant.now();
            AnnouncementEntity a = new AnnouncementEntity();
            a.setId(Ids.newId());
            a.setTenantId(ctx.tenantId());
            a.setTitle(valid.title());
            a.setBody(valid.body());
            a.setPinRank(valid.pinned() ? 1 : 0);
            a.setCreatedBy(ctx.userId());
            a.setCreatedAt(now);
            a.setUpdatedAt(now);
            em.persist(a);
            events.publish(em, event("announcement.published", ctx, a));
            return toDto(a);
        });
    }

    @Override
    public Announcement update(CallContext ctx, String announcementId, AnnouncementInput input) {
        ctx.requireChannelStaff("post announcements");
        Valid valid = validate(input);
        return tx.inTransaction(em -> {
            AnnouncementEntity a = require(em, ctx, announcementId);
            if (input.version() != null && input.version() != a.getVersion()) {
                throw ApiException.conflict("version_conflict", "the announcement changed since you read it; reload it",
                    "version");
            }
            a.setTitle(valid.title());
            a.setBody(valid.body());
            a.setPinRank(valid.pinned() ? 1 : 0);
            a.setUpdatedAt(Instant.now());
            events.publish(em, event("announcement.updated", ctx, a));
            em.flush();
            return toDto(a);
        });
    }

    @Override
    public void delete(CallContext ctx, String announcementId) {
        ctx.requireChannelStaff("post announcements");
        tx.inTransaction(em -> {
            AnnouncementEntity a = require(em, ctx, announcementId);
            events.publish(em, event("announcement.deleted", ctx, a));
            em.remove(a);
            return null;
        });
    }

    @Override
    public Page<Announcement> list(CallContext ctx, PageRequest page) {
        requireReader(ctx);
        KeysetCursor cursor = KeysetCursor.decode(page.cursor(), SORT);
        int rank = cursor == null ? 0 : rankOf(cursor);
        List<AnnouncementEntity> rows = tx.read(em -> {
            TypedQuery<AnnouncementEntity> query = em.createQuery("select a from AnnouncementEntity a where a.tenantId = :t"
                    + (cursor == null ? "" : " and (a.pinRank < :rank or (a.pinRank = :rank and a.id < :id))")
                    + " order by a.pinRank desc, a.id desc", AnnouncementEntity.class)
                .setParameter("t", ctx.tenantId());
            if (cursor != null) {
                query.setParameter("rank", rank).setParameter("id", cursor.id());
            }
            return query.setMaxResults(page.limit() + 1).getResultList();
        });
        boolean more = rows.size() > page.limit();
        List<AnnouncementEntity> pageRows = more ? rows.subList(0, page.limit()) : rows;
        AnnouncementEntity last = pageRows.isEmpty() ? null : pageRows.get(pageRows.size() - 1);
        String next = more ? new KeysetCursor(SORT, String.valueOf(last.getPinRank()), last.getId()).encode() : null;
        return new Page<>(pageRows.stream().map(AnnouncementServiceImpl::toDto).toList(), next);
    }

    private static int rankOf(KeysetCursor cursor) {
        if ("1".equals(cursor.value()) || "0".equals(cursor.value())) {
            return Integer.parseInt(cursor.value());
        }
        throw ApiException.badRequest("invalid_cursor", "the cursor is not one this list issued", "cursor");
    }

    @Override
    public Announcement get(CallContext ctx, String announcementId) {
        requireReader(ctx);
        return tx.read(em -> toDto(require(em, ctx, announcementId)));
    }

    private static AnnouncementEntity require(EntityManager em, CallContext ctx, String id) {
        AnnouncementEntity a = id == null ? null : em.find(AnnouncementEntity.class, id);
        if (a == null || !a.getTenantId().equals(ctx.tenantId())) {
            throw ApiException.notFound("Announcement");
        }
        return a;
    }

    static Announcement toDto(AnnouncementEntity a) {
        return new Announcement(a.getId(), a.getTitle(), a.getBody(), a.getPinRank() == 1, a.getCreatedBy(),
            a.getCreatedAt(), a.getUpdatedAt(), a.getVersion());
    }

    private static DomainEvent event(String type, CallContext ctx, AnnouncementEntity a) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", a.getTitle());
        data.put("pinned", a.getPinRank() == 1);
        return new DomainEvent(type, ctx.tenantId(), "Announcement", a.getId(), ctx.userId(), a.getTitle(), data);
    }
}
