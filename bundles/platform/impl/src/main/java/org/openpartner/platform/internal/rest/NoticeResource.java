package org.openpartner.platform.internal.rest;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.NoticeService;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.dto.Notice;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/notices}: the caller's business notices in the tenant it acts for. */
@Component(service = RestResource.class)
@Path("notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource implements RestResource {

    private final NoticeService notices;

    @Activate
    public NoticeResource(@Reference NoticeService notices) {
        this.notices = notices;
    }

    /** Newest first; {@code ?unread=true} only the unread ones. */
    @GET
    public Page<Notice> list(@Context CallContext caller, @QueryParam("unread") @DefaultValue("false") boolean unread,
                             @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("cursor") String cursor) {
        return notices.list(caller, unread, new PageRequest(limit, cursor, null));
    }

    @POST
    @Path("{id}/read")
    public Notice markRead(@Context CallContext caller, @PathParam("id") String id) {
        return notices.markRead(caller, id);
    }
}
