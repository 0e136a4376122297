package org.openpartner.announcements.internal.rest;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.openpartner.announcements.api.AnnouncementService;
import org.openpartner.announcements.api.dto.Announcement;
import org.openpartner.announcements.api.dto.AnnouncementInput;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Upstream staff: {@code /announcements}. Users of connected companies: {@code /portal/announcements}, behind the
 * Announcements app's gate. The resource comes and goes with the feature.
 */
@Component(service = RestResource.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnnouncementResource implements RestResource {

    private final AnnouncementService announcements;

    @Activate
    public AnnouncementResource(@Reference AnnouncementService announcements) {
        this.announcements = announcements;
    }

    @POST
    @Path("announcements")
    public Response publish(@Context CallContext caller, AnnouncementInput body) {
        Announcement a = announcements.publish(caller, body);
        return Response.created(URI.create("announcements/" + a.id())).entity(a).build();
    }

    @GET
    @Path("announcements")
    public Page<Announcement> list(@Context CallContext caller, @QueryParam("limit") @DefaultValue("50") int limit,
                                   @QueryParam("cursor") String cursor) {
        return announcements.list(caller, new PageRequest(limit, cursor, null));
    }

    @GET
    @Path("announcements/{id}")
    public Announcement get(@Context CallContext caller, @PathParam("id") String id) {
        return announcements.get(caller, id);
    }

    @PUT
    @Path("announcements/{id}")
    public Announcement update(@Context CallContext caller, @PathParam("id") String id, AnnouncementInput body) {
        return announcements.update(caller, id, body);
    }

    @DELETE
    @Path("announcements/{id}")
    public Response delete(@Context CallContext caller, @PathParam("id") String id) {
        announcements.delete(caller, id);
        return Response.noContent().build();
    }

    @GET
    @Path("portal/announcements")
    public Page<Announcement> portalList(@Context CallContext caller, @QueryParam("limit") @DefaultValue("50") int limit,
                                         @QueryParam("cursor") String cursor) {
        return announcements.list(caller, new PageRequest(limit, cursor, null));
    }

    @GET
    @Path("portal/announcements/{id}")
    public Announcement portalGet(@Context CallContext caller, @PathParam("id") String id) {
        return announcements.get(caller, id);
    }
}
