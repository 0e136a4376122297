package org.openpartner.platform.internal.rest;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.dto.Enterprise;
import org.openpartner.platform.api.dto.NewUser;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Enterprises (tenants): the platform admin registers upstream enterprises and their first admin. */
@Component(service = RestResource.class)
@Path("enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnterpriseResource implements RestResource {

    public record NewEnterprise(String name, NewUser admin) {
    }

    private final IdentityService identities;

    @Activate
    public EnterpriseResource(@Reference IdentityService identities) {
        this.identities = identities;
    }

    @POST
    public Response create(@Context CallContext caller, NewEnterprise body) {
        if (body == null) {
            throw ApiException.badRequest("required", "a body with name and admin is required", "name");
        }
        Enterprise created = identities.createEnterprise(caller, body.name(), body.admin());
        return Response.created(URI.create("enterprises/" + created.id())).entity(created).build();
    }

    @GET
    public List<Enterprise> list(@Context CallContext caller) {
        return identities.listEnterprises(caller);
    }

    @GET
    @Path("{id}")
    public Enterprise get(@Context CallContext caller, @PathParam("id") String id) {
        return identities.getEnterprise(caller, id);
    }
}
