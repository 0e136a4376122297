package org.openpartner.platform.internal.rest;

import java.time.Instant;
import java.util.List;
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
import org.openpartner.platform.api.MembershipService;
import org.openpartner.platform.api.dto.ActingContext;
import org.openpartner.platform.api.spi.CodeSender;
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

    /**
     * {@code login} is a login name or a mobile number; {@code context} the enterprise to act for (see
     * {@code contexts} in {@link Me}), omitted for the user's own enterprise.
     */
    public record LoginRequest(String login, String password, String context) {
    }

    /**
     * @param passwordChangeRequired the password was set by someone else: until it is changed at
     *                               {@code POST /auth/password} the token reaches nothing else
     */
    public record LoginResponse(String token, String tokenType, Instant expiresAt, boolean passwordChangeRequired, Me me) {
    }

    /**
     * @param actingFor the enterprise this token acts for
     * @param company   for an external user: the downstream company it acts within
     * @param contexts  every context the user may switch to
     */
    public record Me(String userId, String loginName, String name, Enterprise actingFor, String homeEnterpriseId,
                     Enterprise company, Set<String> roles, boolean tenantAdmin, boolean platformAdmin, boolean external,
                     List<ActingContext> contexts) {
    }

    public record SwitchRequest(String context) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** {@code purpose}: {@code login} (default) or {@code password-reset}. */
    public record CodeRequest(String mobile, String purpose) {
    }

    public record CodeLogin(String mobile, String code, String context) {
    }

    public record PasswordReset(String mobile, String code, String newPassword) {
    }

    private final Authenticator authenticator;
    private final IdentityService identities;
    private final MembershipService memberships;

    @Activate
    public AuthResource(@Reference Authenticator authenticator, @Reference IdentityService identities,
                        @Reference MembershipService memberships) {
        this.authenticator = authenticator;
        this.identities = identities;
        this.memberships = memberships;
    }

    @POST
    @Path("auth/login")
    @PermitAll
    public LoginResponse login(LoginRequest request) {
        if (request == null) {
            throw ApiException.badRequest("required", "a body with login and password is required", "login");
        }
        return answer(authenticator.login(request.login(), request.password(), request.context()));
    }

    /** Sends a one-time code to the mobile (if it belongs to a user); always 202, so nobody learns who has one. */
    @POST
    @Path("auth/code")
    @PermitAll
    public Response requestCode(CodeRequest request) {
        if (request == null) {
            throw ApiException.badRequest("required", "a body with mobile is required", "mobile");
        }
        authenticator.requestCode(request.mobile(), request.purpose() == null ? CodeSender.PURPOSE_LOGIN : request.purpose());
        return Response.accepted().build();
    }

    @POST
    @Path("auth/code/login")
    @PermitAll
    public LoginResponse loginWithCode(CodeLogin request) {
        if (request == null) {
            throw ApiException.badRequest("required", "a body with mobile and code is required", "mobile");
        }
        return answer(authenticator.loginWithCode(request.mobile(), request.code(), request.context()));
    }

    @POST
    @Path("auth/password/reset")
    @PermitAll
    public Response resetPassword(PasswordReset request) {
        if (request == null) {
            throw ApiException.badRequest("required", "a body with mobile, code and newPassword is required", "mobile");
        }
        authenticator.resetPassword(request.mobile(), request.code(), request.newPassword());
        return Response.noContent().build();
    }

    @POST
    @Path("auth/password")
    @BeforePasswordChange
    public Response changePassword(@Context CallContext caller, PasswordChange request) {
        if (request == null) {
            throw ApiException.badRequest("required", "a body with currentPassword and newPassword is required", "currentPassword");
        }
        authenticator.changePassword(caller, (String) JAXRSUtils.getCurrentMessage().getExchange()
            .get(RestServer.TOKEN_KEY), request.currentPassword(), request.newPassword());
        return Response.noContent().build();
    }

    /** A new token acting in another context; the current one stays valid until it expires or is logged out. */
    @POST
    @Path("auth/switch")
    public LoginResponse switchContext(@Context CallContext caller, SwitchRequest request) {
        return answer(authenticator.switchContext(caller, request == null ? null : request.context()));
    }

    @POST
    @Path("auth/logout")
    @BeforePasswordChange
    public Response logout() {
        authenticator.logout((String) JAXRSUtils.getCurrentMessage().getExchange().get(RestServer.TOKEN_KEY));
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @BeforePasswordChange
    public Me me(@Context CallContext caller) {
        Enterprise actingFor = identities.findEnterprise(caller.tenantId()).orElse(null);
        Enterprise company = caller.companyId() == null ? null : identities.findEnterprise(caller.companyId()).orElse(null);
        List<ActingContext> contexts = caller.isConsole() ? List.of() : memberships.contexts(caller);
        return new Me(caller.userId(), caller.loginName(), caller.displayName(), actingFor, caller.homeEnterpriseId(),
            company, caller.roles(), caller.tenantAdmin(), caller.platformAdmin(), caller.isExternal(), contexts);
    }

    private LoginResponse answer(Authenticator.Session session) {
        return new LoginResponse(session.token(), "Bearer", session.expiresAt(), session.passwordChangeRequired(),
            me(session.context()));
    }
}
