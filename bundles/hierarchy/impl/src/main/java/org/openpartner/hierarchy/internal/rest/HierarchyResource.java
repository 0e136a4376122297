package org.openpartner.hierarchy.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.openpartner.hierarchy.api.HierarchyService;
import org.openpartner.hierarchy.api.dto.HierarchySettings;
import org.openpartner.hierarchy.api.dto.ParentInput;
import org.openpartner.hierarchy.api.dto.PartnerHierarchy;
import org.openpartner.hierarchy.api.dto.TreeNode;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The partner hierarchy: {@code /api/v1/partners/{id}/hierarchy} (ancestors and descendants, for the partner
 * detail), {@code /api/v1/partners/{id}/parent} (change it), {@code /api/v1/hierarchy/tree} and
 * {@code /api/v1/hierarchy/settings}.
 */
@Component(service = RestResource.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HierarchyResource implements RestResource {

    private final HierarchyService hierarchy;

    @Activate
    public HierarchyResource(@Reference HierarchyService hierarchy) {
        this.hierarchy = hierarchy;
    }

    @GET
    @Path("partners/{id}/hierarchy")
    public PartnerHierarchy of(@Context CallContext caller, @PathParam("id") String id) {
        return hierarchy.of(caller, id);
    }

    @PUT
    @Path("partners/{id}/parent")
    public PartnerHierarchy setParent(@Context CallContext caller, @PathParam("id") String id, ParentInput body) {
        if (body == null || body.parentPartnerId() == null || body.parentPartnerId().isBlank()) {
            throw ApiException.badRequest("required", "parentPartnerId is required (DELETE the parent to detach "
                + "the partner)", "parentPartnerId");
        }
        return hierarchy.setParent(caller, id, body.parentPartnerId());
    }

    @DELETE
    @Path("partners/{id}/parent")
    public PartnerHierarchy detach(@Context CallContext caller, @PathParam("id") String id) {
        return hierarchy.setParent(caller, id, null);
    }

    @GET
    @Path("hierarchy/tree")
    public List<TreeNode> tree(@Context CallContext caller, @QueryParam("root") String root) {
        return hierarchy.tree(caller, root);
    }

    @GET
    @Path("hierarchy/settings")
    public HierarchySettings settings(@Context CallContext caller) {
        return hierarchy.settings(caller);
    }

    @PUT
    @Path("hierarchy/settings")
    public HierarchySettings updateSettings(@Context CallContext caller, HierarchySettings body) {
        return hierarchy.updateSettings(caller, body);
    }
}
