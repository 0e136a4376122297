package org.openpartner.platform.internal.rest;

import javax.annotation.Priority;
import javax.annotation.security.PermitAll;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Exchange;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;

/** After matching: only methods annotated {@link PermitAll} may be called without a valid token. */
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {

    @Context
    private ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Exchange exchange = JAXRSUtils.getCurrentMessage().getExchange();
        if (exchange.get(CallContext.class) != null) {
            if (exchange.get(TokenFilter.PASSWORD_CHANGE_KEY) != null && resourceInfo.getResourceMethod() != null
                && !resourceInfo.getResourceMethod().isAnnotationPresent(BeforePasswordChange.class)) {
                request.abortWith(new ErrorMappers.ApiExceptionMapper().toResponse(ApiException.forbidden("password_change_required",
                    "change your password first: POST /api/v1/auth/password", null)));
            }
            return;
        }
        boolean open = resourceInfo.getResourceMethod() != null
            && (resourceInfo.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resourceInfo.getResourceClass().isAnnotationPresent(PermitAll.class));
        if (!open) {
            Object refusal = exchange.get(TokenFilter.REFUSAL_KEY);
            request.abortWith(ErrorMappers.unauthorized(refusal != null ? refusal.toString()
                : "authentication required: log in at /api/v1/auth/login"));
        }
    }
}
