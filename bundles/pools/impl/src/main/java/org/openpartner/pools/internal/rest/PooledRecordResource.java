package org.openpartner.pools.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
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
import org.openpartner.pools.api.dto.Assignment;
import org.openpartner.pools.api.dto.Decline;
import org.openpartner.pools.api.dto.Move;
import org.openpartner.pools.api.dto.PoolLogEntry;
import org.openpartner.pools.api.dto.PooledRecord;
import org.openpartner.pools.api.dto.Reason;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/pooled/{object}/{id}}: a record's place in the pools, and its movements: {@code claim}, {@code
 * return}, {@code assign}, {@code submit}, and {@code PUT} to put it into a pool; {@code explain}: why it went where
 * it did when it last entered a pool.
 */
@Component(service = RestResource.class)
@Path("pooled/{object}/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PooledRecordResource implements RestResource {

    private final PoolService pools;

    @Activate
    public PooledRecordResource(@Reference PoolService pools) {
        this.pools = pools;
    }

    /** Where the record stands; 204 when it is in no pool. */
    @GET
    public Response where(@Context CallContext caller, @PathParam("object") String object, @PathParam("id") String id) {
        return pools.where(caller, object, id).map(r -> Response.ok(r).build())
            .orElseGet(() -> Response.noContent().build());
    }

    /** Puts the record into a pool: {@code {"poolId": "...", "reason": "..."}}. */
    @PUT
    public PooledRecord put(@Context CallContext caller, @PathParam("object") String object, @PathParam("id") String id,
                            Move body) {
        return pools.put(caller, object, id, body);
    }

    @POST
    @Path("claim")
    public PooledRecord claim(@Context CallContext caller, @PathParam("object") String object,
                              @PathParam("id") String id) {
        return pools.claim(caller, object, id);
    }

    /** Gives the record back to its pool: {@code {"reason": "..."}}. */
    @POST
    @Path("return")
    public PooledRecord giveBack(@Context CallContext caller, @PathParam("object") String object,
                                 @PathParam("id") String id, Reason body) {
        return pools.giveBack(caller, object, id, body);
    }

    /** The holder takes on a record a rule or an admin handed to it. */
    @POST
    @Path("accept")
    public PooledRecord accept(@Context CallContext caller, @PathParam("object") String object,
                               @PathParam("id") String id) {
        return pools.accept(caller, object, id);
    }

    /**
     * The holder turns down a record handed to it: {@code {"reason": "...", "forCompany": false}}; the pool's rules
     * route it onward and pass over the holder (or its company) from now on.
     */
    @POST
    @Path("decline")
    public PooledRecord decline(@Context CallContext caller, @PathParam("object") String object,
                                @PathParam("id") String id, Decline body) {
        return pools.decline(caller, object, id, body);
    }

    /** Assigns the record: {@code {"userId": "...", "reason": "..."}}. */
    @POST
    @Path("assign")
    public PooledRecord assign(@Context CallContext caller, @PathParam("object") String object,
                               @PathParam("id") String id, Assignment body) {
        return pools.assign(caller, object, id, body);
    }

    /** Hands the record to the upstream's redistribution pool: {@code {"reason": "..."}}. */
    @POST
    @Path("submit")
    public PooledRecord submit(@Context CallContext caller, @PathParam("object") String object,
                               @PathParam("id") String id, Reason body) {
        return pools.submit(caller, object, id, body);
    }

    @GET
    @Path("history")
    public List<PoolLogEntry> history(@Context CallContext caller, @PathParam("object") String object,
                                      @PathParam("id") String id) {
        return pools.history(caller, object, id);
    }

    /** The distribution decision recorded when the record last entered a pool; 204 when none was recorded. */
    @GET
    @Path("explain")
    public Response explain(@Context CallContext caller, @PathParam("object") String object,
                            @PathParam("id") String id) {
        return pools.explain(caller, object, id).map(d -> Response.ok(d).build())
            .orElseGet(() -> Response.noContent().build());
    }
}
