package org.openpartner.access.internal.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
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

import org.openpartner.access.api.LayoutAdmin;
import org.openpartner.access.api.PermissionAdmin;
import org.openpartner.access.api.ScopeAdmin;
import org.openpartner.access.api.dto.ObjectScopes;
import org.openpartner.access.api.dto.LayoutInput;
import org.openpartner.access.api.dto.ObjectPermissions;
import org.openpartner.access.api.dto.PermissionsInput;
import org.openpartner.access.api.dto.RenderedLayout;
import org.openpartner.access.api.dto.RoleInput;
import org.openpartner.access.api.dto.RoleLayout;
import org.openpartner.access.api.dto.ScopeInput;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.FieldAccess;
import org.openpartner.platform.api.access.ObjectAccess;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.dto.Role;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The access model over REST: {@code /api/v1/objects} (registered objects and the caller's own access, which the
 * portal renders from) and {@code /api/v1/access/...} (external roles and their permissions, for channel staff).
 */
@Component(service = RestResource.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccessResource implements RestResource {

    /** What the caller may do with an object: its actions and every field it may see, with its access. */
    public record MyAccess(String object, Set<String> actions, Map<String, FieldAccess> fields) {
    }

    /** The record types a role may create records of. */
    public record RecordTypes(List<String> recordTypes) {
    }

    private final AccessControl access;
    private final PermissionAdmin admin;
    private final ScopeAdmin scopes;
    private final LayoutAdmin layouts;

    @Activate
    public AccessResource(@Reference AccessControl access, @Reference PermissionAdmin admin,
                          @Reference ScopeAdmin scopes, @Reference LayoutAdmin layouts) {
        this.access = access;
        this.admin = admin;
        this.scopes = scopes;
        this.layouts = layouts;
    }

    /** What the portal renders for the caller: its roles' layout, without the fields it may not see. */
    @GET
    @Path("objects/{name}/layout")
    public RenderedLayout myLayout(@Context CallContext caller, @PathParam("name") String name,
                                   @QueryParam("recordType") String recordType) {
        return layouts.layoutFor(caller, name, recordType);
    }

    @GET
    @Path("access/roles/{role}/layouts/{object}/{recordType}")
    public RoleLayout layout(@Context CallContext caller, @PathParam("role") String role,
                             @PathParam("object") String object, @PathParam("recordType") String recordType) {
        return layouts.layout(caller, role, object, recordType);
    }

    @PUT
    @Path("access/roles/{role}/layouts/{object}/{recordType}")
    public RoleLayout setLayout(@Context CallContext caller, @PathParam("role") String role,
                                @PathParam("object") String object, @PathParam("recordType") String recordType,
                                LayoutInput body) {
        return layouts.setLayout(caller, role, object, recordType, body);
    }

    @GET
    @Path("access/roles/{role}/record-types/{object}")
    public RecordTypes recordTypes(@Context CallContext caller, @PathParam("role") String role,
                                   @PathParam("object") String object) {
        return new RecordTypes(layouts.creatableRecordTypes(caller, role, object));
    }

    @PUT
    @Path("access/roles/{role}/record-types/{object}")
    public RecordTypes setRecordTypes(@Context CallContext caller, @PathParam("role") String role,
                                      @PathParam("object") String object, RecordTypes body) {
        return new RecordTypes(layouts.setCreatableRecordTypes(caller, role, object,
            body == null || body.recordTypes() == null ? null : new LinkedHashSet<>(body.recordTypes())));
    }

    @GET
    @Path("objects")
    public List<ObjectDefinition> objects(@Context CallContext caller) {
        return access.objects().stream().map(object -> asSeenBy(caller, object)).toList();
    }

    @GET
    @Path("objects/{name}")
    public ObjectDefinition object(@Context CallContext caller, @PathParam("name") String name) {
        return asSeenBy(caller, access.object(name).orElseThrow(() -> ApiException.notFound("Object")));
    }

    /**
     * The object as the caller may know it: channel staff configure every field, anyone else is told only of the
     * fields its roles let it see (a hidden field's name, label and type are left out, as from every other answer).
     */
    private ObjectDefinition asSeenBy(CallContext caller, ObjectDefinition object) {
        if (caller.isConsole() || caller.isChannelStaff()) {
            return object;
        }
        ObjectAccess mine = access.access(caller, object.name());
        return new ObjectDefinition(object.name(), object.label(), object.fields().stream()
            .filter(field -> mine.isVisible(field.name())).toList(), object.actions(), object.defaultExternalActions(),
            object.defaultInternalActions(), object.shareable());
    }

    /** The caller's access; hidden fields are left out, as from every other answer. */
    @GET
    @Path("objects/{name}/access")
    public MyAccess myAccess(@Context CallContext caller, @PathParam("name") String name) {
        ObjectAccess mine = access.access(caller, name);
        Map<String, FieldAccess> visible = new LinkedHashMap<>(mine.fields());
        visible.values().removeIf(a -> a == FieldAccess.HIDDEN);
        return new MyAccess(name, mine.actions(), visible);
    }

    @GET
    @Path("access/roles")
    public List<Role> roles(@Context CallContext caller) {
        return admin.externalRoles(caller);
    }

    @POST
    @Path("access/roles")
    public Response createRole(@Context CallContext caller, RoleInput body) {
        Role created = admin.createRole(caller, body);
        return Response.created(URI.create("access/roles/" + created.key())).entity(created).build();
    }

    @DELETE
    @Path("access/roles/{role}")
    public Response deleteRole(@Context CallContext caller, @PathParam("role") String role) {
        admin.deleteRole(caller, role);
        return Response.noContent().build();
    }

    @GET
    @Path("access/roles/{role}/permissions")
    public List<ObjectPermissions> permissions(@Context CallContext caller, @PathParam("role") String role) {
        return admin.permissions(caller, role);
    }

    @GET
    @Path("access/roles/{role}/permissions/{object}")
    public ObjectPermissions permissions(@Context CallContext caller, @PathParam("role") String role,
                                         @PathParam("object") String object) {
        return admin.permissions(caller, role, object);
    }

    @PUT
    @Path("access/roles/{role}/permissions/{object}")
    public ObjectPermissions setPermissions(@Context CallContext caller, @PathParam("role") String role,
                                            @PathParam("object") String object, PermissionsInput body) {
        return admin.setPermissions(caller, role, object, body);
    }

    @GET
    @Path("access/scopes/{object}")
    public ObjectScopes scopes(@Context CallContext caller, @PathParam("object") String object) {
        return scopes.scopes(caller, object);
    }

    @PUT
    @Path("access/scopes/{object}")
    public ObjectScopes setScope(@Context CallContext caller, @PathParam("object") String object, ScopeInput body) {
        return scopes.setScope(caller, object, body);
    }

    @PUT
    @Path("access/users/{user}/roles/{role}")
    public Response assignRole(@Context CallContext caller, @PathParam("user") String user,
                               @PathParam("role") String role) {
        admin.assignRole(caller, user, role);
        return Response.noContent().build();
    }

    @DELETE
    @Path("access/users/{user}/roles/{role}")
    public Response revokeRole(@Context CallContext caller, @PathParam("user") String user,
                               @PathParam("role") String role) {
        admin.revokeRole(caller, user, role);
        return Response.noContent().build();
    }
}
