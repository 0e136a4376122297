package org.openpartner.pools.internal.rest;

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

import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.spi.RestResource;
import org.openpartner.pools.api.PoolService;
import org.openpartner.pools.api.dto.Pool;
import org.openpartner.pools.api.dto.PoolInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/pools}: the upstream's pools; members read the pools they belong to. */
@Component(service = RestResource.class)
@Path("pools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PoolResource implements RestResource {

    private final PoolService pools;

    @Activate
    public PoolResource(@Reference PoolService pools) {
        this.pools = pools;
    }

    @POST
    public Response create(@Context CallContext caller, PoolInput body) {
        Pool created = pools.create(caller, body);
        return Response.created(URI.create("pools/" + created.id())).entity(created).build();
    }

    @GET
    public List<Pool> list(@Context CallContext caller) {
        return pools.list(caller);
    }

    @GET
    @Path("{id}")
    public Pool get(@Context CallContext caller, @PathParam("id") String id) {
        return pools.get(caller, id);
    }

    @PUT
    @Path("{id}")
    public Pool update(@Context CallContext caller, @PathParam("id") String id, PoolInput body) {
        return pools.update(caller, id, body);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context CallContext caller, @PathParam("id") String id) {
        pools.delete(caller, id);
        return Response.noContent().build();
    }
}
