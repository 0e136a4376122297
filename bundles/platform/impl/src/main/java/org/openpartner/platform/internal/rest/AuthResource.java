package org.openpartner.platform.internal.rest;

import java.time.Instant;
import java.util.Set;

import javax.annotation.security.PermitAll;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.dto.Enterprise;
import org.openpartner.platform.api.spi.RestResource;
import org.openpartner.platform.internal.security.Authenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Login, logout and "who am I". */
@Component(service = RestResource.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource implements RestResource {

    /** {@code login} is a login name or a mobile number. */
    public record LoginRequest(String login, String password) {
    }

    public record LoginResponse(String token, String tokenType, Instant expiresAt, Me me) {
    }

    public record Me(String userId, String loginName, String name, Enterprise actingFor, String homeEnterpriseId,
                     Set<String> roles, boolean tenantAdmin, boolean platformAdmin) {
    }

    private final Authenticator authenticator;
    private final IdentityService identities;

    @Activate
    public AuthResource(@Reference Authenticator authenticator, @Reference IdentityService identities) {
        this.authenticator = authenticator;
        this.identities = identities;
    }

    @POST
    @Path("auth/login")
    @PermitAll
    public LoginResponse login(LoginRequest request) {
        if (request == null) {
            throw ApiException.badRequest("required", "a body with login and password is required", "login");
        }
        Authenticator.Session session = authenticator.login(request.login(), request.password());
        return new LoginResponse(session.token(), "Bearer", session.expiresAt(), me(session.context()));
    }

    @POST
    @Path("auth/logout")
    public Response logout() {
        authenticator.logout((String) JAXRSUtils.getCurrentMessage().getExchange().get(RestServer.TOKEN_KEY));
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    public Me me(@Context CallContext caller) {
        return new Me(caller.userId(), caller.loginName(), caller.displayName(),
            identities.getEnterprise(caller, caller.tenantId()), caller.homeEnterpriseId(), caller.roles(),
            caller.tenantAdmin(), caller.platformAdmin());
    }
}
