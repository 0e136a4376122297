package org.openpartner.platform.internal.rest;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.spi.RestResource;
import org.openpartner.platform.internal.events.AuditTrail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/audit}: the acting tenant's audit trail, newest first, for its administrators. */
@Component(service = RestResource.class)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource implements RestResource {

    private final AuditTrail audit;

    @Activate
    public AuditResource(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    public Page<AuditTrail.AuditEntry> list(@Context CallContext caller,
                                            @QueryParam("limit") @DefaultValue("50") int limit,
                                            @QueryParam("cursor") String cursor,
                                            @QueryParam("aggregateId") String aggregateId) {
        PageRequest page = new PageRequest(limit, cursor, null);
        return audit.list(caller, page.limit(), page.cursor(), aggregateId);
    }
}
