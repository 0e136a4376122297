package org.openpartner.access.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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

import org.openpartner.access.api.AccessExplainer;
import org.openpartner.access.api.SharingRuleAdmin;
import org.openpartner.access.api.TeamService;
import org.openpartner.access.api.dto.Explanation;
import org.openpartner.access.api.dto.PartnerTeamInput;
import org.openpartner.access.api.dto.PartnerTeamMember;
import org.openpartner.access.api.dto.SharingRule;
import org.openpartner.access.api.dto.SharingRuleInput;
import org.openpartner.access.api.dto.TeamMember;
import org.openpartner.access.api.dto.TeamMemberInput;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Related teams of any shareable object's records, {@code /api/v1/records/{object}/{id}/team}, their partner teams,
 * {@code .../partners}, and whether a record
 * hides from parent partners, {@code .../hidden-from-parents}; for channel staff
 * sharing rules, {@code /api/v1/access/sharing-rules}, and {@code /api/v1/access/explain?user=&object=&record=}.
 */
@Component(service = RestResource.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SharingResource implements RestResource {

    private final TeamService teams;
    private final AccessExplainer explainer;
    private final SharingRuleAdmin rules;

    @Activate
    public SharingResource(@Reference TeamService teams, @Reference AccessExplainer explainer,
                           @Reference SharingRuleAdmin rules) {
        this.teams = teams;
        this.explainer = explainer;
        this.rules = rules;
    }

    @GET
    @Path("access/sharing-rules")
    public List<SharingRule> rules(@Context CallContext caller, @QueryParam("object") String object) {
        return rules.rules(caller, object);
    }

    @POST
    @Path("access/sharing-rules")
    public Response createRule(@Context CallContext caller, SharingRuleInput body) {
        SharingRule created = rules.create(caller, body);
        return Response.created(URI.create("access/sharing-rules/" + created.id())).entity(created).build();
    }

    @DELETE
    @Path("access/sharing-rules/{id}")
    public Response deleteRule(@Context CallContext caller, @PathParam("id") String id) {
        rules.delete(caller, id);
        return Response.noContent().build();
    }

    @GET
    @Path("records/{object}/{id}/team")
    public List<TeamMember> team(@Context CallContext caller, @PathParam("object") String object,
                                 @PathParam("id") String id) {
        return teams.members(caller, object, id);
    }

    /** Adds a member ("invite to follow up") or changes its access. */
    @POST
    @Path("records/{object}/{id}/team")
    public Response addMember(@Context CallContext caller, @PathParam("object") String object,
                              @PathParam("id") String id, TeamMemberInput body) {
        TeamMember member = teams.addMember(caller, object, id, body);
        return Response.created(URI.create("records/" + object + "/" + id + "/team/" + member.userId()))
            .entity(member).build();
    }

    @DELETE
    @Path("records/{object}/{id}/team/{user}")
    public Response removeMember(@Context CallContext caller, @PathParam("object") String object,
                                 @PathParam("id") String id, @PathParam("user") String user) {
        teams.removeMember(caller, object, id, user);
        return Response.noContent().build();
    }

    /** The downstream companies that work the record (its partner team). */
    @GET
    @Path("records/{object}/{id}/partners")
    public List<PartnerTeamMember> partners(@Context CallContext caller, @PathParam("object") String object,
                                            @PathParam("id") String id) {
        return teams.partners(caller, object, id);
    }

    /** Channel staff: puts a downstream company on the partner team, or changes its access. */
    @POST
    @Path("records/{object}/{id}/partners")
    public Response addPartner(@Context CallContext caller, @PathParam("object") String object,
                               @PathParam("id") String id, PartnerTeamInput body) {
        PartnerTeamMember partner = teams.addPartner(caller, object, id, body);
        return Response.created(URI.create("records/" + object + "/" + id + "/partners/" + partner.companyId()))
            .entity(partner).build();
    }

    @DELETE
    @Path("records/{object}/{id}/partners/{companyId}")
    public Response removePartner(@Context CallContext caller, @PathParam("object") String object,
                                  @PathParam("id") String id, @PathParam("companyId") String companyId) {
        teams.removePartner(caller, object, id, companyId);
        return Response.noContent().build();
    }

    /** Whether the record is hidden from the partners above its owner's company: {@code {"hidden": true}}. */
    @GET
    @Path("records/{object}/{id}/hidden-from-parents")
    public Map<String, Boolean> hiddenFromParents(@Context CallContext caller, @PathParam("object") String object,
                                                  @PathParam("id") String id) {
        return Map.of("hidden", teams.hiddenFromParents(caller, object, id));
    }

    @PUT
    @Path("records/{object}/{id}/hidden-from-parents")
    public Map<String, Boolean> hideFromParents(@Context CallContext caller, @PathParam("object") String object,
                                                @PathParam("id") String id, Map<String, Object> body) {
        Object hidden = body == null ? null : body.get("hidden");
        if (!(hidden instanceof Boolean)) {
            throw ApiException.badRequest("required", "hidden is required: true or false", "hidden");
        }
        teams.hideFromParents(caller, object, id, (Boolean) hidden);
        return Map.of("hidden", (Boolean) hidden);
    }

    @GET
    @Path("access/explain")
    public Explanation explain(@Context CallContext caller, @QueryParam("user") String user,
                               @QueryParam("object") String object, @QueryParam("record") String record) {
        for (String[] required : new String[][] {{"user", user}, {"object", object}, {"record", record}}) {
            if (required[1] == null || required[1].isBlank()) {
                throw ApiException.badRequest("required", required[0] + " is required", required[0]);
            }
        }
        return explainer.explain(caller, user, object, record);
    }
}
