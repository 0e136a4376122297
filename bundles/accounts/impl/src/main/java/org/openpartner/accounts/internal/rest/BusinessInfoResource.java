package org.openpartner.accounts.internal.rest;

import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.openpartner.accounts.api.BusinessInfoService;
import org.openpartner.accounts.api.dto.BusinessInfo;
import org.openpartner.accounts.api.dto.BusinessInfoImport;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.spi.ImportRejected;
import org.openpartner.platform.api.spi.OwnBodyLimit;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/business-info}: registered company data that fills a new account ({@code ?name=Cont} or
 * {@code ?registrationId=...}), and the import of the data set the default provider reads.
 */
@Component(service = RestResource.class)
@Path("business-info")
@Produces(MediaType.APPLICATION_JSON)
public class BusinessInfoResource implements RestResource {

    private final BusinessInfoService businessInfo;

    @Activate
    public BusinessInfoResource(@Reference BusinessInfoService businessInfo) {
        this.businessInfo = businessInfo;
    }

    @GET
    public List<BusinessInfo> lookup(@Context CallContext caller, @QueryParam("name") String name,
                                     @QueryParam("registrationId") String registrationId,
                                     @QueryParam("limit") @DefaultValue("10") int limit) {
        return businessInfo.lookup(caller, name, registrationId, limit);
    }

    /**
     * Imports the data set from CSV (the body, {@code text/csv}): 201 with how many companies were added and replaced,
     * or 422 {@code import_rejected} with every wrong row and nothing imported.
     */
    @POST
    @Path("import")
    @OwnBodyLimit
    @Consumes({"text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM})
    public Response importCsv(@Context CallContext caller, InputStream body) {
        BusinessInfoImport result = businessInfo.importCsv(caller, body);
        if (result.rejected().isEmpty()) {
            return Response.status(Response.Status.CREATED).entity(result).build();
        }
        BusinessInfoImport.RejectedRow first = result.rejected().get(0);
        return Response.status(ImportRejected.STATUS).type(MediaType.APPLICATION_JSON)
            .entity(ImportRejected.body(result.rejected(), first.line(), first.field())).build();
    }
}
