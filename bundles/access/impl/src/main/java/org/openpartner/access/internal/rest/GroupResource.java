package org.openpartner.access.internal.rest;

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

import org.openpartner.access.api.UserGroupAdmin;
import org.openpartner.access.api.dto.GroupMember;
import org.openpartner.access.api.dto.GroupMembersInput;
import org.openpartner.access.api.dto.UserGroup;
import org.openpartner.access.api.dto.UserGroupInput;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** User groups of the caller's tenant, for channel staff: {@code /api/v1/access/groups}. */
@Component(service = RestResource.class)
@Path("access/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupResource implements RestResource {

    private final UserGroupAdmin groups;

    @Activate
    public GroupResource(@Reference UserGroupAdmin groups) {
        this.groups = groups;
    }

    @GET
    public List<UserGroup> groups(@Context CallContext caller) {
        return groups.groups(caller);
    }

    @POST
    public Response create(@Context CallContext caller, UserGroupInput body) {
        UserGroup created = groups.create(caller, body);
        return Response.created(URI.create("access/groups/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    public UserGroup group(@Context CallContext caller, @PathParam("id") String id) {
        return groups.group(caller, id);
    }

    @PUT
    @Path("{id}")
    public UserGroup update(@Context CallContext caller, @PathParam("id") String id, UserGroupInput body) {
        return groups.update(caller, id, body);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context CallContext caller, @PathParam("id") String id) {
        groups.delete(caller, id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/members")
    public List<GroupMember> members(@Context CallContext caller, @PathParam("id") String id) {
        return groups.members(caller, id);
    }

    /** Adds users (all or none); answers the group's members. */
    @POST
    @Path("{id}/members")
    public List<GroupMember> addMembers(@Context CallContext caller, @PathParam("id") String id,
                                        GroupMembersInput body) {
        return groups.addMembers(caller, id, body == null ? null : body.userIds());
    }

    @DELETE
    @Path("{id}/members/{user}")
    public Response removeMember(@Context CallContext caller, @PathParam("id") String id,
                                 @PathParam("user") String user) {
        groups.removeMember(caller, id, user);
        return Response.noContent().build();
    }
}
