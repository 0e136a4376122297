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
import org.openpartner.pools.api.dto.BulkAssignment;
import org.openpartner.pools.api.dto.BulkMove;
import org.openpartner.pools.api.dto.DistributionRule;
import org.openpartner.pools.api.dto.RecordOutcome;
import org.openpartner.pools.api.dto.Pool;
import org.openpartner.pools.api.dto.PoolInput;
import org.openpartner.pools.api.dto.PooledRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/pools}: the upstream's pools; members read the pools they belong to. {@code /pools/{id}/rules}: the
 * pool's distribution rules, read by staff and the pool's admins and replaced as a whole by staff; {@code
 * /pools/{id}/assign} and {@code /move}: its records in bulk, each record on its own.
 */
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

    /** Recycles the held records that are due now, as the scheduled sweep would; the records recycled. */
    @POST
    @Path("recycle")
    public List<PooledRecord> recycle(@Context CallContext caller) {
        return pools.recycleNow(caller);
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

    @GET
    @Path("{id}/rules")
    public List<DistributionRule> rules(@Context CallContext caller, @PathParam("id") String id) {
        return pools.rules(caller, id);
    }

    /** Replaces the rules, in order: {@code [{"name": .., "conditions": [..], "strategy": .., "targets": [..]}]}. */
    @PUT
    @Path("{id}/rules")
    public List<DistributionRule> replaceRules(@Context CallContext caller, @PathParam("id") String id,
                                               List<DistributionRule> body) {
        return pools.replaceRules(caller, id, body);
    }

    /** Assigns records of the pool to one user: {@code {"recordIds": [..], "userId": .., "reason": ..}}. */
    @POST
    @Path("{id}/assign")
    public List<RecordOutcome> assignAll(@Context CallContext caller, @PathParam("id") String id, BulkAssignment body) {
        return pools.assignAll(caller, id, body);
    }

    /** Moves records of the pool into another: {@code {"recordIds": [..], "poolId": .., "reason": ..}}. */
    @POST
    @Path("{id}/move")
    public List<RecordOutcome> moveAll(@Context CallContext caller, @PathParam("id") String id, BulkMove body) {
        return pools.moveAll(caller, id, body);
    }
}
