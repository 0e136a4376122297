package org.openpartner.platform.internal.rest;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;

import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Exchange;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.internal.security.Authenticator;

/**
 * Resolves the bearer token, if any, before resource matching, so that every later step (the access filter,
 * the error mappers, the resources) knows who calls. A present but invalid token is only recorded: open
 * endpoints (login, health) still answer, so a client holding an expired token can log in again; everything
 * else is refused by {@link AccessFilter}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class TokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";
    /** Why the Authorization header was not accepted, for the 401 that follows where a caller is required. */
    static final String REFUSAL_KEY = "openpartner.auth.refusal";
    /** Present when the caller must change its password before it may do anything else. */
    static final String PASSWORD_CHANGE_KEY = "openpartner.auth.passwordChangeRequired";

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
        Exchange exchange = JAXRSUtils.getCurrentMessage().getExchange();
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            exchange.put(REFUSAL_KEY, "expected an Authorization: Bearer token");
            return;
        }
        String token = header.substring(BEARER.length()).strip();
        Authenticator.Resolved resolved = authenticator.resolve(token).orElse(null);
        if (resolved == null) {
            exchange.put(REFUSAL_KEY, "the token is invalid, expired or revoked");
            return;
        }
        exchange.put(CallContext.class, resolved.context());
        if (resolved.passwordChangeRequired()) {
            exchange.put(PASSWORD_CHANGE_KEY, Boolean.TRUE);
        }
        exchange.put(RestServer.TOKEN_KEY, token);
    }
}
