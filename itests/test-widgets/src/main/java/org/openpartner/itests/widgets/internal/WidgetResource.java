package org.openpartner.itests.widgets.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.openpartner.itests.widgets.internal.jpa.WidgetEntity;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.KeysetCursor;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.Actions;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.RecordAccess;
import org.openpartner.platform.api.access.VisibilityFilter;
import org.openpartner.platform.api.access.VisibleRows;
import org.openpartner.platform.api.dto.RecordType;
import org.openpartner.platform.api.jpa.Transactions;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/test-widgets}: what an add-on does to be governed by the access model. It asks the engine
 * whether the caller may act on the object and which fields it may write, filters every query with the engine's
 * condition (a record out of reach is "not found"), and leaves hiding fields to the platform ({@link Widget} is an
 * access object).
 */
@Component(service = RestResource.class)
@Path("test-widgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetResource implements RestResource {

    private final Transactions tx;
    private final AccessControl access;
    private final UnitOfWork unitOfWork;
    private final RoleService roles;

    @Activate
    public WidgetResource(@Reference(target = "(osgi.unit.name=openpartner-test-widgets)") EntityManagerFactory emf,
                          @Reference AccessControl access, @Reference UnitOfWork unitOfWork,
                          @Reference RoleService roles) {
        this.roles = roles;
        this.tx = new Transactions(emf);
        this.access = access;
        this.unitOfWork = unitOfWork;
    }

    @POST
    public Response create(@Context CallContext caller, WidgetInput body) {
        ObjectAccess mine = access.access(caller, WidgetObject.NAME);
        WidgetInput input = body == null ? new WidgetInput(null, null, null, null) : body;
        String recordType = mine.requireCreate(input.recordType());
        mine.requireWritable(given(input));
        if (input.name() == null || input.name().isBlank()) {
            throw ApiException.badRequest("required", "name is required", "name");
        }
        Widget created = tx.inTransaction(em -> {
            WidgetEntity w = new WidgetEntity();
            w.setId(UUID.randomUUID().toString());
            w.setTenantId(caller.tenantId());
            w.setOwnerUserId(caller.userId());
            w.setOwnerCompanyId(caller.companyId());
            w.setName(input.name().strip());
            w.setPrice(input.price());
            w.setSecret(input.secret());
            w.setRecordType(recordType);
            em.persist(w);
            em.flush();
            return toDto(w);
        });
        return Response.created(URI.create("test-widgets/" + created.id())).entity(created).build();
    }

    /** Channel staff give their tenant the add-on's record types, as a capability does when it is enabled. */
    @POST
    @Path("record-types")
    public List<RecordType> ensureRecordTypes(@Context CallContext caller) {
        caller.requireChannelStaff("set up test widgets");
        WidgetObject.RECORD_TYPES.forEach(type -> roles.ensureRecordType(caller, WidgetObject.NAME, type,
            "Widget " + type, List.of("name", "price", "secret")));
        return roles.listRecordTypes(caller, WidgetObject.NAME);
    }

    /**
     * A keyset-paged list of the widgets the caller may read, by name (by id when the name is hidden from the
     * caller, so the order reveals nothing), {@code limit} at a time.
     */
    @GET
    public Page<Widget> list(@Context CallContext caller, @QueryParam("limit") @DefaultValue("50") int limit,
                             @QueryParam("cursor") String cursor) {
        ObjectAccess mine = access.access(caller, WidgetObject.NAME);
        mine.require(Actions.VIEW);
        PageRequest page = new PageRequest(limit, cursor, null);
        boolean byName = mine.isVisible("name");
        String sort = byName ? "name" : "id";
        KeysetCursor after = KeysetCursor.decode(page.cursor(), sort);
        VisibilityFilter visible = access.visibleFilter(caller, WidgetObject.NAME, "w", RecordAccess.READ);
        return tx.read(em -> {
            Map<String, Object> parameters = new HashMap<>();
            String where = null;
            if (after != null) {
                where = byName ? "w.name > :after or (w.name = :after and w.id > :afterId)" : "w.id > :afterId";
                if (byName) {
                    parameters.put("after", after.value());
                }
                parameters.put("afterId", after.id());
            }
            List<WidgetEntity> rows = VisibleRows.first(em, WidgetEntity.class, "w", visible, where, parameters,
                byName ? "w.name, w.id" : "w.id", page.limit() + 1);
            boolean more = rows.size() > page.limit();
            List<WidgetEntity> items = more ? rows.subList(0, page.limit()) : rows;
            WidgetEntity last = more ? items.get(items.size() - 1) : null;
            return new Page<>(items.stream().map(WidgetResource::toDto).toList(),
                last == null ? null : new KeysetCursor(sort, byName ? last.getName() : "", last.getId()).encode());
        });
    }

    @GET
    @Path("{id}")
    public Widget get(@Context CallContext caller, @PathParam("id") String id) {
        access.access(caller, WidgetObject.NAME).require(Actions.VIEW);
        return tx.read(em -> toDto(find(em, caller, id)));
    }

    @PUT
    @Path("{id}")
    public Widget update(@Context CallContext caller, @PathParam("id") String id, WidgetInput body) {
        ObjectAccess mine = access.access(caller, WidgetObject.NAME);
        mine.require(Actions.EDIT);
        WidgetInput input = body == null ? new WidgetInput(null, null, null, null) : body;
        return tx.inTransaction(em -> {
            WidgetEntity w = findWritable(em, caller, id);
            mine.requireNotHidden(given(input));
            mine.requireWritable(changed(w, input));
            if (input.name() != null) {
                if (input.name().isBlank()) {
                    throw ApiException.badRequest("required", "name must not be blank", "name");
                }
                w.setName(input.name().strip());
            }
            if (input.price() != null) {
                w.setPrice(input.price());
            }
            if (input.secret() != null) {
                w.setSecret(input.secret());
            }
            em.flush();
            return toDto(w);
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context CallContext caller, @PathParam("id") String id) {
        access.access(caller, WidgetObject.NAME).require(Actions.DELETE);
        // The record and its grants go together.
        unitOfWork.inUnit(() -> tx.inTransaction(em -> {
            em.remove(findWritable(em, caller, id));
            em.flush();
            access.recordDeleted(caller, WidgetObject.NAME, id);
            return null;
        }));
        return Response.noContent().build();
    }

    /** The widget if the caller may read it; else "not found", whether it exists or not. */
    private WidgetEntity find(EntityManager em, CallContext caller, String id) {
        return one(em, caller, id, RecordAccess.READ).orElseThrow(() -> ApiException.notFound("Widget"));
    }

    /** The widget if the caller may change it; 404 when out of its reach, 403 when it may only read it. */
    private WidgetEntity findWritable(EntityManager em, CallContext caller, String id) {
        find(em, caller, id);
        return one(em, caller, id, RecordAccess.WRITE).orElseThrow(() -> ApiException.forbidden("record_read_only",
            "you may read this widget but not change it", "id"));
    }

    private Optional<WidgetEntity> one(EntityManager em, CallContext caller, String id, RecordAccess kind) {
        VisibilityFilter visible = access.visibleFilter(caller, WidgetObject.NAME, "w", kind);
        return visible.bind(em.createQuery("select w from WidgetEntity w where w.id = :id and " + visible.jpql(),
            WidgetEntity.class).setParameter("id", id)).getResultList().stream().findFirst();
    }

    private static List<String> given(WidgetInput input) {
        List<String> fields = new ArrayList<>();
        addIf(fields, "name", input.name() != null);
        addIf(fields, "price", input.price() != null);
        addIf(fields, "secret", input.secret() != null);
        return fields;
    }

    /** The fields the update would change: sending a read-only value unchanged is no change (hidden ones are refused). */
    private static List<String> changed(WidgetEntity w, WidgetInput input) {
        List<String> fields = new ArrayList<>();
        addIf(fields, "name", differs(input.name(), w.getName(), String::strip));
        addIf(fields, "price", differs(input.price(), w.getPrice(), Function.identity()));
        addIf(fields, "secret", differs(input.secret(), w.getSecret(), Function.identity()));
        return fields;
    }

    private static <T> boolean differs(T given, T stored, Function<T, T> normal) {
        return given != null && !Objects.equals(normal.apply(given), stored);
    }

    private static void addIf(List<String> fields, String field, boolean condition) {
        if (condition) {
            fields.add(field);
        }
    }

    private static Widget toDto(WidgetEntity w) {
        return new Widget(w.getId(), w.getName(), w.getPrice(), w.getSecret(), w.getRecordType(), w.getOwnerUserId(),
            w.getOwnerCompanyId(),
            w.getVersion());
    }
}
