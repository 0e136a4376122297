package org.openpartner.platform.internal.rest;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.RoleService;
import org.openpartner.platform.api.dto.NewUser;
import org.openpartner.platform.api.dto.Role;
import org.openpartner.platform.api.dto.User;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Employees of the acting enterprise and the internal roles they hold. */
@Component(service = RestResource.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource implements RestResource {

    private final IdentityService identities;
    private final RoleService roles;

    @Activate
    public UserResource(@Reference IdentityService identities, @Reference RoleService roles) {
        this.identities = identities;
        this.roles = roles;
    }

    @POST
    @Path("users")
    public Response create(@Context CallContext caller, NewUser body) {
        if (body == null) {
            throw ApiException.badRequest("required", "a body describing the user is required", null);
        }
        User created = identities.createUser(caller, body);
        return Response.created(URI.create("users/" + created.id())).entity(created).build();
    }

    @GET
    @Path("users")
    public List<User> list(@Context CallContext caller) {
        return identities.listUsers(caller);
    }

    @GET
    @Path("users/{id}")
    public User get(@Context CallContext caller, @PathParam("id") String id) {
        return identities.getUser(caller, id);
    }

    @PUT
    @Path("users/{id}/roles/{role}")
    public User assignRole(@Context CallContext caller, @PathParam("id") String id, @PathParam("role") String role) {
        roles.assignRole(caller, id, role);
        return identities.getUser(caller, id);
    }

    @DELETE
    @Path("users/{id}/roles/{role}")
    public User unassignRole(@Context CallContext caller, @PathParam("id") String id, @PathParam("role") String role) {
        roles.unassignRole(caller, id, role);
        return identities.getUser(caller, id);
    }

    @GET
    @Path("roles")
    public List<Role> roles(@Context CallContext caller) {
        return roles.listRoles(caller);
    }
}
