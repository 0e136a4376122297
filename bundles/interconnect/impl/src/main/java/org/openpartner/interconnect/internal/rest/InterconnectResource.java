package org.openpartner.interconnect.internal.rest;

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

import org.openpartner.interconnect.api.AppService;
import org.openpartner.interconnect.api.ConnectionService;
import org.openpartner.interconnect.api.InvitationService;
import org.openpartner.interconnect.api.dto.AppEnablement;
import org.openpartner.interconnect.api.dto.AppInfo;
import org.openpartner.interconnect.api.dto.AppScope;
import org.openpartner.interconnect.api.dto.Approval;
import org.openpartner.interconnect.api.dto.BulkResult;
import org.openpartner.interconnect.api.dto.CodeInput;
import org.openpartner.interconnect.api.dto.ConnectRequest;
import org.openpartner.interconnect.api.dto.ConnectResult;
import org.openpartner.interconnect.api.dto.Connection;
import org.openpartner.interconnect.api.dto.ConnectionRequest;
import org.openpartner.interconnect.api.dto.InvitationCode;
import org.openpartner.interconnect.api.dto.IssuedCode;
import org.openpartner.interconnect.internal.SharePartnerApp;
import org.openpartner.partner.api.PartnerService;
import org.openpartner.partner.api.dto.PartnerProfile;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.dto.Membership;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Interconnection over REST. Upstream: {@code /connections}, {@code /invitation-codes}, {@code /connection-requests},
 * {@code /apps}. Downstream, acting for its own enterprise: {@code /upstreams}. External users: {@code /portal}.
 */
@Component(service = RestResource.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InterconnectResource implements RestResource {

    public record Reason(String reason) {
    }

    public record Redeem(String code) {
    }

    public record UserIds(List<String> userIds) {
    }

    private final ConnectionService connections;
    private final InvitationService invitations;
    private final AppService apps;
    private final PartnerService partners;

    @Activate
    public InterconnectResource(@Reference ConnectionService connections, @Reference InvitationService invitations,
                                @Reference AppService apps, @Reference PartnerService partners) {
        this.connections = connections;
        this.invitations = invitations;
        this.apps = apps;
        this.partners = partners;
    }

    // ---- upstream: connections --------------------------------------------------------------------------------

    @POST
    @Path("connections")
    public Response connect(@Context CallContext caller, ConnectRequest body) {
        ConnectResult result = connections.connect(caller, body);
        return Response.created(URI.create("connections/" + result.connection().id())).entity(result).build();
    }

    @GET
    @Path("connections")
    public Page<Connection> list(@Context CallContext caller, @QueryParam("status") String status,
                                 @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("cursor") String cursor) {
        return connections.list(caller, status, new PageRequest(limit, cursor, null));
    }

    @GET
    @Path("connections/{id}")
    public Connection get(@Context CallContext caller, @PathParam("id") String id) {
        return connections.get(caller, id);
    }

    @POST
    @Path("connections/{id}/suspend")
    public Connection suspend(@Context CallContext caller, @PathParam("id") String id, Reason body) {
        return connections.suspend(caller, id, body == null ? null : body.reason());
    }

    @POST
    @Path("connections/{id}/resume")
    public Connection resume(@Context CallContext caller, @PathParam("id") String id) {
        return connections.resume(caller, id);
    }

    @POST
    @Path("connections/{id}/end")
    public Connection end(@Context CallContext caller, @PathParam("id") String id, Reason body) {
        return connections.end(caller, id, body == null ? null : body.reason());
    }

    @GET
    @Path("connections/{id}/members")
    public List<Membership> members(@Context CallContext caller, @PathParam("id") String id) {
        return connections.members(caller, id);
    }

    @DELETE
    @Path("connections/{id}/members/{userId}")
    public Response removeMember(@Context CallContext caller, @PathParam("id") String id, @PathParam("userId") String userId) {
        connections.removeConnector(caller, id, userId);
        return Response.noContent().build();
    }

    @PUT
    @Path("connections/{id}/apps/{appId}")
    public Connection enableApp(@Context CallContext caller, @PathParam("id") String id, @PathParam("appId") String appId) {
        apps.setEnabledForConnection(caller, appId, id, true);
        return connections.get(caller, id);
    }

    @DELETE
    @Path("connections/{id}/apps/{appId}")
    public Connection disableApp(@Context CallContext caller, @PathParam("id") String id, @PathParam("appId") String appId) {
        apps.setEnabledForConnection(caller, appId, id, false);
        return connections.get(caller, id);
    }

    // ---- upstream: invitation codes and requests --------------------------------------------------------------

    @POST
    @Path("invitation-codes")
    public Response generate(@Context CallContext caller, CodeInput body) {
        IssuedCode issued = invitations.generate(caller, body);
        return Response.created(URI.create("invitation-codes/" + issued.invitation().id())).entity(issued).build();
    }

    @GET
    @Path("invitation-codes")
    public List<InvitationCode> codes(@Context CallContext caller) {
        return invitations.listCodes(caller);
    }

    @POST
    @Path("invitation-codes/{id}/revoke")
    public InvitationCode revoke(@Context CallContext caller, @PathParam("id") String id) {
        return invitations.revoke(caller, id);
    }

    @GET
    @Path("connection-requests")
    public List<ConnectionRequest> requests(@Context CallContext caller, @QueryParam("status") String status) {
        return invitations.listRequests(caller, status);
    }

    @POST
    @Path("connection-requests/{id}/approve")
    public ConnectResult approve(@Context CallContext caller, @PathParam("id") String id, Approval body) {
        return invitations.approve(caller, id, body);
    }

    @POST
    @Path("connection-requests/{id}/reject")
    public ConnectionRequest reject(@Context CallContext caller, @PathParam("id") String id, Reason body) {
        return invitations.reject(caller, id, body == null ? null : body.reason());
    }

    // ---- upstream: apps ---------------------------------------------------------------------------------------

    @GET
    @Path("apps")
    public List<AppInfo> apps(@Context CallContext caller) {
        return apps.list(caller);
    }

    @GET
    @Path("apps/{id}")
    public AppInfo app(@Context CallContext caller, @PathParam("id") String id) {
        return apps.get(caller, id);
    }

    @PUT
    @Path("apps/{id}/scope")
    public AppInfo scope(@Context CallContext caller, @PathParam("id") String id, AppScope body) {
        return apps.setScope(caller, id, body);
    }

    @POST
    @Path("apps/{id}/enablement")
    public BulkResult enablement(@Context CallContext caller, @PathParam("id") String id, AppEnablement body) {
        return apps.setEnabled(caller, id, body);
    }

    // ---- downstream: its upstreams ----------------------------------------------------------------------------

    @GET
    @Path("upstreams")
    public List<Connection> upstreams(@Context CallContext caller) {
        return connections.upstreams(caller);
    }

    @POST
    @Path("upstreams/requests")
    public Response redeem(@Context CallContext caller, Redeem body) {
        ConnectionRequest request = invitations.redeem(caller, body == null ? null : body.code());
        return Response.created(URI.create("upstreams/requests/" + request.id())).entity(request).build();
    }

    @GET
    @Path("upstreams/requests")
    public List<ConnectionRequest> myRequests(@Context CallContext caller) {
        return invitations.myRequests(caller);
    }

    @POST
    @Path("upstreams/{connectionId}/connectors")
    public List<Membership> addConnectors(@Context CallContext caller, @PathParam("connectionId") String connectionId,
                                          UserIds body) {
        return connections.addConnectors(caller, connectionId, body == null ? null : body.userIds());
    }

    @DELETE
    @Path("upstreams/{connectionId}/connectors/{userId}")
    public Response removeConnector(@Context CallContext caller, @PathParam("connectionId") String connectionId,
                                    @PathParam("userId") String userId) {
        connections.removeConnector(caller, connectionId, userId);
        return Response.noContent().build();
    }

    // ---- external users: the portal ---------------------------------------------------------------------------

    @GET
    @Path("portal/apps")
    public List<AppInfo> portalApps(@Context CallContext caller) {
        return apps.usable(caller);
    }

    /** SharePartner: the upstream's record of the caller's company and its contacts. */
    @GET
    @Path("portal/company")
    public PartnerProfile company(@Context CallContext caller) {
        apps.requireAccess(caller, SharePartnerApp.ID);
        return partners.companyProfile(caller);
    }
}
