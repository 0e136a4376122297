package org.openpartner.leads.internal.rest;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.function.Consumer;
import java.util.List;
import java.util.Locale;

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
import javax.ws.rs.core.StreamingOutput;

import org.openpartner.leads.api.LeadService;
import org.openpartner.leads.api.dto.ConversionInput;
import org.openpartner.leads.api.dto.FollowUp;
import org.openpartner.leads.api.dto.FollowUpInput;
import org.openpartner.leads.api.dto.Lead;
import org.openpartner.leads.api.dto.LeadConversion;
import org.openpartner.leads.api.dto.LeadImport;
import org.openpartner.leads.api.dto.LeadInput;
import org.openpartner.leads.api.dto.LeadStatus;
import org.openpartner.leads.api.dto.StatusChange;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.spi.ImportRejected;
import org.openpartner.platform.api.spi.OwnBodyLimit;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/leads}: leads and their follow-ups, for upstream and downstream users alike. */
@Component(service = RestResource.class)
@Path("leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource implements RestResource {

    private final LeadService leads;

    @Activate
    public LeadResource(@Reference LeadService leads) {
        this.leads = leads;
    }

    @POST
    public Response create(@Context CallContext caller, LeadInput body) {
        Lead created = leads.create(caller, body);
        return Response.created(URI.create("leads/" + created.id())).entity(created).build();
    }

    /**
     * The leads the caller may read, newest first, {@code limit} at a time; {@code status} and {@code pool} narrow
     * them ({@code ?pool=<id>&status=unassigned}: the leads waiting in a pool).
     */
    @GET
    public Page<Lead> list(@Context CallContext caller, @QueryParam("status") String status,
                           @QueryParam("pool") String pool, @QueryParam("limit") @DefaultValue("50") int limit,
                           @QueryParam("cursor") String cursor) {
        return leads.list(caller, status(status), pool == null || pool.isBlank() ? null : pool.strip(),
            new PageRequest(limit, cursor, null));
    }

    /**
     * Imports leads from CSV (the body, {@code text/csv}): 201 with how many, or 422 {@code import_rejected} with every
     * wrong row and nothing imported.
     */
    @POST
    @Path("import")
    @OwnBodyLimit
    @Consumes({"text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM})
    public Response importCsv(@Context CallContext caller, InputStream body) {
        LeadImport result = leads.importCsv(caller, body);
        if (result.rejected().isEmpty()) {
            return Response.status(Response.Status.CREATED).entity(result).build();
        }
        LeadImport.RejectedRow first = result.rejected().get(0);
        return Response.status(ImportRejected.STATUS).type(MediaType.APPLICATION_JSON)
            .entity(ImportRejected.body(result.rejected(), first.line(), first.field())).build();
    }

    /** The leads the caller may read and export, as CSV with the columns it may see. */
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response exportCsv(@Context CallContext caller, @QueryParam("status") String status) {
        Consumer<OutputStream> writer = leads.exportCsv(caller, status(status));
        StreamingOutput body = writer::accept;
        return Response.ok(body).type("text/csv; charset=UTF-8")
            .header("Content-Disposition", "attachment; filename=\"leads.csv\"").build();
    }

    @GET
    @Path("{id}")
    public Lead get(@Context CallContext caller, @PathParam("id") String id) {
        return leads.get(caller, id);
    }

    @PUT
    @Path("{id}")
    public Lead update(@Context CallContext caller, @PathParam("id") String id, LeadInput body) {
        return leads.update(caller, id, body);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context CallContext caller, @PathParam("id") String id) {
        leads.delete(caller, id);
        return Response.noContent().build();
    }

    /** Marks the lead invalid or voided: {@code {"status": "INVALID", "reason": "..."}}. */
    @PUT
    @Path("{id}/status")
    public Lead changeStatus(@Context CallContext caller, @PathParam("id") String id, StatusChange body) {
        return leads.changeStatus(caller, id, body);
    }

    @GET
    @Path("{id}/follow-ups")
    public List<FollowUp> followUps(@Context CallContext caller, @PathParam("id") String id) {
        return leads.followUps(caller, id);
    }

    @POST
    @Path("{id}/follow-ups")
    public Response addFollowUp(@Context CallContext caller, @PathParam("id") String id, FollowUpInput body) {
        FollowUp added = leads.addFollowUp(caller, id, body);
        return Response.created(URI.create("leads/" + id + "/follow-ups/" + added.id())).entity(added).build();
    }

    /**
     * Converts the lead into an account (new, or {@code accountId}), a contact and optionally an opportunity
     * placeholder: 201 with what it was converted into.
     */
    @POST
    @Path("{id}/convert")
    public Response convert(@Context CallContext caller, @PathParam("id") String id, ConversionInput body) {
        LeadConversion conversion = leads.convert(caller, id, body);
        return Response.created(URI.create("leads/" + id + "/conversion")).entity(conversion).build();
    }

    /** What the lead was converted into; 204 when it was not converted. */
    @GET
    @Path("{id}/conversion")
    public Response conversion(@Context CallContext caller, @PathParam("id") String id) {
        return leads.conversion(caller, id).map(c -> Response.ok(c).build())
            .orElseGet(() -> Response.noContent().build());
    }

    private static LeadStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return LeadStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_status", "status is one of " + List.of(LeadStatus.values()), "status");
        }
    }
}
