package org.openpartner.platform.internal.rest;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;

import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.internal.security.Authenticator;

/**
 * Resolves the bearer token, if any, before resource matching, so that every later step (the access filter,
 * the error mappers, the resources) knows who calls. A present but invalid token is refused here with 401.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class TokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Authenticator authenticator;

    public TokenFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(ErrorMappers.unauthorized("expected an Authorization: Bearer token"));
            return;
        }
        String token = header.substring(BEARER.length()).strip();
        CallContext context = authenticator.resolve(token).orElse(null);
        if (context == null) {
            request.abortWith(ErrorMappers.unauthorized("the token is invalid, expired or revoked"));
            return;
        }
        JAXRSUtils.getCurrentMessage().getExchange().put(CallContext.class, context);
        JAXRSUtils.getCurrentMessage().getExchange().put(RestServer.TOKEN_KEY, token);
    }
}
