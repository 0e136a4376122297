package org.openpartner.platform.api.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.KeysetCursor;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;

/**
 * The records of one shareable object as the access model lets a caller reach them, for the object's own service: one
 * record by id (404 when out of reach, 403 {@code record_read_only} when only readable) and keyset pages, newest
 * first, filtered in the query. The entity has the attributes {@code id} and {@code createdAt} and the ownership
 * attributes the visibility filter names.
 *
 * @param <E> the object's entity
 * @since 1.4
 */
public final class VisibleRecords<E> {

    private static final String NEWEST = "newest";
    private static final String BY_ID = "id";

    private final AccessControl access;
    private final String object;
    private final Class<E> entity;
    private final String alias;
    private final String label;
    private final Function<E, String> id;
    private final Function<E, Instant> createdAt;

    /**
     * @param object    the object's name, as registered with the access model
     * @param alias     the entity's alias in the queries and in the conditions callers add
     * @param label     the object's name in answers ("Lead": "Lead not found", "you may read this lead ...")
     * @param id        the entity's id
     * @param createdAt the entity's creation time, the newest-first sort key
     */
    public VisibleRecords(AccessControl access, String object, Class<E> entity, String alias, String label,
                          Function<E, String> id, Function<E, Instant> createdAt) {
        this.access = access;
        this.object = object;
        this.entity = entity;
        this.alias = alias;
        this.label = label;
        this.id = id;
        this.createdAt = createdAt;
    }

    /** The record if the caller reaches it for {@code kind}; empty whether it is out of reach or does not exist. */
    public Optional<E> one(EntityManager em, CallContext ctx, String recordId, RecordAccess kind) {
        if (recordId == null) {
            return Optional.empty();
        }
        VisibilityFilter visible = access.visibleFilter(ctx, object, alias, kind);
        return visible.bind(em.createQuery("select " + alias + " from " + em.getMetamodel().entity(entity).getName()
                + " " + alias + " where " + alias + ".id = :id and " + visible.jpql(), entity)
            .setParameter("id", recordId)).getResultList().stream().findFirst();
    }

    /** The record if the caller may read it; else "not found", whether it exists or not. */
    public E readable(EntityManager em, CallContext ctx, String recordId) {
        return one(em, ctx, recordId, RecordAccess.READ).orElseThrow(() -> ApiException.notFound(label));
    }

    /** The record if the caller may change it; 404 when out of its reach, 403 when it may only read it. */
    public E writable(EntityManager em, CallContext ctx, String recordId) {
        readable(em, ctx, recordId);
        return one(em, ctx, recordId, RecordAccess.WRITE).orElseThrow(() -> ApiException.forbidden("record_read_only",
            "you may read this " + label.toLowerCase(Locale.ROOT) + " but not change it", "id"));
    }

    /**
     * A page of the records the caller may read that meet {@code conditions} (on the alias, with their
     * {@code parameters}): newest first, or in id order when the caller's roles hide the creation time (ordering by a
     * hidden field would tell its values; the cursor carries the sort key, so a cursor of the other order is refused).
     *
     * @param newest whether the caller may see the creation time
     */
    public Page<E> page(EntityManager em, CallContext ctx, List<String> conditions, Map<String, Object> parameters,
                        boolean newest, PageRequest page) {
        String sort = newest ? NEWEST : BY_ID;
        KeysetCursor after = KeysetCursor.decode(page.cursor(), sort);
        VisibilityFilter visible = access.visibleFilter(ctx, object, alias, RecordAccess.READ);
        List<String> where = new ArrayList<>(conditions);
        Map<String, Object> bound = new HashMap<>(parameters);
        if (after != null) {
            if (newest) {
                where.add(alias + ".createdAt < :after or (" + alias + ".createdAt = :after and " + alias
                    + ".id < :afterId)");
                bound.put("after", cursorTime(after));
            } else {
                where.add(alias + ".id < :afterId");
            }
            bound.put("afterId", after.id());
        }
        String condition = where.isEmpty() ? null : "(" + String.join(") and (", where) + ")";
        List<E> rows = VisibleRows.first(em, entity, alias, visible, condition, bound,
            newest ? alias + ".createdAt desc, " + alias + ".id desc" : alias + ".id desc", page.limit() + 1);
        boolean more = rows.size() > page.limit();
        List<E> items = more ? rows.subList(0, page.limit()) : rows;
        E last = more ? items.get(items.size() - 1) : null;
        return new Page<>(items, last == null ? null : new KeysetCursor(sort,
            newest ? String.valueOf(createdAt.apply(last).toEpochMilli()) : "", id.apply(last)).encode());
    }

    private static Date cursorTime(KeysetCursor cursor) {
        try {
            return new Date(Long.parseLong(cursor.value()));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_cursor", "the cursor is not one this list gave", "cursor");
        }
    }
}
