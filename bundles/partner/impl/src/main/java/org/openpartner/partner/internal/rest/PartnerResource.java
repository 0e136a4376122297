package org.openpartner.partner.internal.rest;

import java.net.URI;
import java.util.List;

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

import org.openpartner.partner.api.PartnerService;
import org.openpartner.partner.api.dto.ContactInput;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.partner.api.dto.PartnerContact;
import org.openpartner.partner.api.dto.PartnerFilter;
import org.openpartner.partner.api.dto.PartnerInput;
import org.openpartner.partner.api.dto.PartnerSetup;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Partner management over REST: {@code /api/v1/partner/...} for the setup, {@code /api/v1/partners} for records. */
@Component(service = RestResource.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerResource implements RestResource {

    /** A page of partners with the total matching the filters. */
    public record PartnerPage(List<Partner> items, String nextCursor, long total) {
    }

    private final PartnerService partners;

    @Activate
    public PartnerResource(@Reference PartnerService partners) {
        this.partners = partners;
    }

    @POST
    @Path("partner/enable")
    public PartnerSetup enable(@Context CallContext caller) {
        return partners.enable(caller);
    }

    @GET
    @Path("partner/setup")
    public PartnerSetup setup(@Context CallContext caller) {
        return partners.setup(caller);
    }

    @GET
    @Path("partners")
    public PartnerPage list(@Context CallContext caller,
                            @QueryParam("limit") @DefaultValue("50") int limit,
                            @QueryParam("cursor") String cursor,
                            @QueryParam("sort") String sort,
                            @QueryParam("q") String q,
                            @QueryParam("type") String type,
                            @QueryParam("level") String level,
                            @QueryParam("region") String region,
                            @QueryParam("status") String status,
                            @QueryParam("tag") String tag,
                            @QueryParam("owner") String owner,
                            @QueryParam("connected") Boolean connected) {
        PartnerFilter filter = new PartnerFilter(q, type, level, region, status, tag, owner, connected);
        Page<Partner> page = partners.list(caller, filter, new PageRequest(limit, cursor, sort));
        return new PartnerPage(page.items(), page.nextCursor(), partners.count(caller, filter));
    }

    @POST
    @Path("partners")
    public Response create(@Context CallContext caller, PartnerInput body) {
        Partner created = partners.create(caller, body);
        return Response.created(URI.create("partners/" + created.id())).entity(created).build();
    }

    @GET
    @Path("partners/{id}")
    public Partner get(@Context CallContext caller, @PathParam("id") String id) {
        return partners.get(caller, id);
    }

    @PUT
    @Path("partners/{id}")
    public Partner update(@Context CallContext caller, @PathParam("id") String id, PartnerInput body) {
        return partners.update(caller, id, body);
    }

    @DELETE
    @Path("partners/{id}")
    public Response delete(@Context CallContext caller, @PathParam("id") String id) {
        partners.delete(caller, id);
        return Response.noContent().build();
    }

    @GET
    @Path("partners/{id}/contacts")
    public List<PartnerContact> contacts(@Context CallContext caller, @PathParam("id") String id) {
        return partners.listContacts(caller, id);
    }

    @POST
    @Path("partners/{id}/contacts")
    public Response addContact(@Context CallContext caller, @PathParam("id") String id, ContactInput body) {
        PartnerContact created = partners.addContact(caller, id, body);
        return Response.created(URI.create("partners/" + id + "/contacts/" + created.id())).entity(created).build();
    }

    @GET
    @Path("partners/{id}/contacts/{contactId}")
    public PartnerContact contact(@Context CallContext caller, @PathParam("id") String id,
                                  @PathParam("contactId") String contactId) {
        return partners.getContact(caller, id, contactId);
    }

    @PUT
    @Path("partners/{id}/contacts/{contactId}")
    public PartnerContact updateContact(@Context CallContext caller, @PathParam("id") String id,
                                        @PathParam("contactId") String contactId, ContactInput body) {
        return partners.updateContact(caller, id, contactId, body);
    }

    @DELETE
    @Path("partners/{id}/contacts/{contactId}")
    public Response deleteContact(@Context CallContext caller, @PathParam("id") String id,
                                  @PathParam("contactId") String contactId) {
        partners.deleteContact(caller, id, contactId);
        return Response.noContent().build();
    }
}
