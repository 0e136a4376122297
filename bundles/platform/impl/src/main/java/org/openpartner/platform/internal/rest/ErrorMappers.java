package org.openpartner.platform.internal.rest;

import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Message;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
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
        @Override
        public Response toResponse(WebApplicationException e) {
            Response known = fromCause(e);
            if (known != null) {
                return known;
            }
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if ((status == 404 || status == 405) && !authenticated()) {
                // Without a token no path is told apart from another: every one answers 401.
                return unauthorized("authentication required: log in at /api/v1/auth/login");
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
        @Override
        public Response toResponse(Exception e) {
            Response known = fromCause(e);
            return known != null ? known : internal(e);
        }
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
        if (isUniqueViolation(e)) {
            // Two changes raced for one unique key (both databases say 23505): the loser may retry.
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
