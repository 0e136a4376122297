package org.openpartner.platform.internal.rest;

import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.apache.cxf.jaxrs.model.OperationResourceInfo;
import org.apache.cxf.jaxrs.utils.HttpUtils;
import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Message;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure leaves the API as {@code {code, message, field?, line?}}; nothing else, never a stack trace. */
public final class ErrorMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    static Response error(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static Response unauthorized(String message) {
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
            .header("WWW-Authenticate", "Bearer realm=\"openpartner\"")
            .entity(ErrorBody.of("unauthorized", message)).build();
    }

    public static final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            if (e.status() == 401) {
                return unauthorized(e.getMessage());
            }
            return error(e.status(), new ErrorBody(e.code(), e.getMessage(), e.field(), e.line()));
        }
    }

    public static final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return json(e);
        }
    }

    public static final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

        /** Whether a path belongs to a resource withdrawn while its bundle stays installed. */
        private final Predicate<String> withdrawn;
        /** The request's path below /api/v1 when no resource matched it; null when one did, or outside CXF. */
        private final Supplier<String> unmatchedPath;
        /** Whether the request carries a caller. */
        private final BooleanSupplier authenticated;

        /** A mapper that knows of no withdrawn resource. */
        public WebApplicationExceptionMapper() {
            this(path -> false, () -> null, ErrorMappers::authenticated);
        }

        WebApplicationExceptionMapper(WithdrawnResources withdrawn) {
            this(withdrawn::unavailable, ErrorMappers::unmatchedPath, ErrorMappers::authenticated);
        }

        WebApplicationExceptionMapper(Predicate<String> withdrawn, Supplier<String> unmatchedPath,
                                      BooleanSupplier authenticated) {
            this.withdrawn = withdrawn;
            this.unmatchedPath = unmatchedPath;
            this.authenticated = authenticated;
        }

        @Override
        public Response toResponse(WebApplicationException e) {
            Response known = fromCause(e);
            if (known != null) {
                return known;
            }
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if ((status == 404 || status == 405) && !authenticated.getAsBoolean()) {
                // Without a token no path is told apart from another: every one answers 401.
                return unauthorized("authentication required: log in at /api/v1/auth/login");
            }
            if (status == 404) {
                String path = unmatchedPath.get();
                if (path != null && withdrawn.test(path)) {
                    // Its capability's bundle is stopped or restarting, not gone: the path will answer again.
                    return unavailable();
                }
            }
            return switch (status) {
                case 404 -> error(404, ErrorBody.of("not_found", "no such resource"));
                case 405 -> error(405, ErrorBody.of("method_not_allowed", "method not allowed on this resource"));
                case 406 -> error(406, ErrorBody.of("not_acceptable", "only application/json is produced"));
                case 415 -> error(415, ErrorBody.of("unsupported_media_type", "send the body as application/json"));
                case 400 -> error(400, ErrorBody.of("bad_request", "the request is malformed"));
                default -> status >= 500 ? internal(e) : error(status, ErrorBody.of("http_" + status, "request refused"));
            };
        }
    }

    public static final class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

        /** The class of the resource the current request went to; null before dispatch. */
        private final Supplier<Class<?>> currentResource;
        /** Whether the bundle of a resource class is stopping, stopped or gone; unknown (not in OSGi) counts as not. */
        private final Predicate<Class<?>> withdrawing;

        public UnexpectedExceptionMapper() {
            this(UnexpectedExceptionMapper::resourceClass, UnexpectedExceptionMapper::bundleNotActive);
        }

        UnexpectedExceptionMapper(Supplier<Class<?>> currentResource, Predicate<Class<?>> withdrawing) {
            this.currentResource = currentResource;
            this.withdrawing = withdrawing;
        }

        @Override
        public Response toResponse(Exception e) {
            Response known = fromCause(e);
            if (known != null) {
                return known;
            }
            Class<?> resource = currentResource.get();
            if (resource != null && withdrawing.test(resource)) {
                // A request that met its capability going away under it (a feature stopping or being updated): the
                // failure is the moment's, not the request's, so the honest answer is to come back shortly.
                LOG.warn("{} failed while its bundle was stopping; answered 503: {}", resource.getName(), e.toString());
                return unavailable();
            }
            return internal(e);
        }

        /** The class of the resource the current request was dispatched to; null before dispatch or outside CXF. */
        private static Class<?> resourceClass() {
            Message message = JAXRSUtils.getCurrentMessage();
            OperationResourceInfo operation = message == null || message.getExchange() == null ? null
                : message.getExchange().get(OperationResourceInfo.class);
            return operation == null ? null : operation.getClassResourceInfo().getServiceClass();
        }

        private static boolean bundleNotActive(Class<?> type) {
            Bundle bundle = FrameworkUtil.getBundle(type);
            return bundle != null && (bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0;
        }
    }

    /** 503 with Retry-After: the part of the service the request needs is stopped, stopping or starting. */
    static Response unavailable() {
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", "5")
            .entity(ErrorBody.of("service_unavailable", "this part of the service is stopped or restarting; "
                + "try again in a few seconds")).build();
    }

    static Response internal(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error, reference {}", reference, e);
        return error(500, ErrorBody.of("internal_error", "internal error; reference " + reference));
    }

    /**
     * The answer for a failure that wraps one we know: a body over the limit, a refusal thrown while a request
     * record was built, or a JSON error (the JAX-RS runtime wraps reader failures). Null when there is none.
     */
    static Response fromCause(Throwable e) {
        Throwable cause = rootOf(e);
        if (cause instanceof BodyTooLargeException) {
            return error(413, ErrorBody.of("payload_too_large", cause.getMessage()));
        }
        if (cause instanceof ApiException api) {
            return new ApiExceptionMapper().toResponse(api);
        }
        if (cause instanceof JsonProcessingException json && cause != e) {
            return json(json);
        }
        if (isUniqueViolation(e) || isStaleVersion(e)) {
            // Two changes raced for one unique key (both databases say 23505), or one changed a row another had read
            // at an older version (an edit crossing a claim): the loser may retry.
            return error(409, ErrorBody.of("concurrent_change", "another change to the same data was saved first; "
                + "reload and try again"));
        }
        return null;
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                for (java.sql.SQLException next = sql; next != null; next = next.getNextException()) {
                    if ("23505".equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the failure is an optimistic lock's: the row's version moved since it was read. */
    static boolean isStaleVersion(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    static Response json(JsonProcessingException e) {
        Response known = fromCause(e);
        if (known != null) {
            return known;
        }
        Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
        if (e instanceof UnrecognizedPropertyException unknown) {
            return error(400, new ErrorBody("unknown_field", "unknown field '" + unknown.getPropertyName() + "'",
                path(unknown), null));
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = path((JsonMappingException) e);
            return error(400, new ErrorBody("invalid_value",
                field == null ? "the body does not have the expected shape" : "invalid value for " + field, field, null));
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return error(400, new ErrorBody("invalid_value", "the body does not have the expected shape", field, null));
        }
        return error(400, new ErrorBody("malformed_json", "the body is not valid JSON", null, line));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    /** The request's path below the API's base when no resource matched it; null when one did, or outside CXF. */
    private static String unmatchedPath() {
        Message message = JAXRSUtils.getCurrentMessage();
        if (message == null || message.getExchange() == null
            || message.getExchange().get(OperationResourceInfo.class) != null) {
            return null;
        }
        return HttpUtils.getPathToMatch(message, true);
    }

    private static boolean authenticated() {
        Message message = JAXRSUtils.getCurrentMessage();
        return message != null && message.getExchange().get(CallContext.class) != null;
    }

    static Throwable rootOf(Throwable e) {
        Throwable t = e;
        for (int depth = 0; depth < 10 && t != null; depth++) {
            if (t instanceof BodyTooLargeException || t instanceof ApiException
                || (t instanceof JsonProcessingException && t != e)) {
                return t;
            }
            t = t.getCause();
        }
        return e;
    }
}
