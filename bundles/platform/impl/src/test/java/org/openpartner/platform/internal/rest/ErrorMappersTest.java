package org.openpartner.platform.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;
import org.openpartner.platform.api.ApiException;

public class ErrorMappersTest {

    /** Like the API's request records: boxed fields, so that an absent one is null. */
    record Body(String name, Integer count) {
    }

    private final ObjectMapper json = JsonMapper.create();

    private static ErrorBody body(Response response) {
        return (ErrorBody) response.getEntity();
    }

    @Test
    public void apiExceptionsKeepTheirStatusCodeAndField() {
        Response response = new ErrorMappers.ApiExceptionMapper()
            .toResponse(ApiException.conflict("duplicate_name", "a partner with this name already exists", "name"));
        assertEquals(409, response.getStatus());
        assertEquals(new ErrorBody("duplicate_name", "a partner with this name already exists", "name", null), body(response));
    }

    @Test
    public void aFailureOfAResourceWhoseBundleIsStoppingIs503WithRetryAfter() {
        IllegalStateException closed = new IllegalStateException("the entity manager factory is closed");
        Response stopping = new ErrorMappers.UnexpectedExceptionMapper(() -> ErrorMappersTest.class, type -> true)
            .toResponse(closed);
        assertEquals(503, stopping.getStatus());
        assertEquals("service_unavailable", body(stopping).code());
        assertEquals("5", stopping.getHeaderString("Retry-After"));
        // The same failure of a running resource, or before any resource was chosen, is the server's own error.
        assertEquals(500, new ErrorMappers.UnexpectedExceptionMapper(() -> ErrorMappersTest.class, type -> false)
            .toResponse(closed).getStatus());
        assertEquals(500, new ErrorMappers.UnexpectedExceptionMapper(() -> null, type -> true)
            .toResponse(closed).getStatus());
        // Outside a request and outside OSGi (no current resource, no bundle): 500, never a failure of its own.
        assertEquals(500, new ErrorMappers.UnexpectedExceptionMapper().toResponse(closed).getStatus());
    }

    @Test
    public void unauthorizedCarriesTheBearerChallenge() {
        Response response = new ErrorMappers.ApiExceptionMapper().toResponse(ApiException.unauthorized("wrong login or password"));
        assertEquals(401, response.getStatus());
        assertTrue(response.getHeaderString("WWW-Authenticate").startsWith("Bearer"));
    }

    @Test
    public void malformedJsonIs400WithTheLine() {
        JsonProcessingException e = parse("{\n\"name\": \"x\",\n  oops }");
        Response response = new ErrorMappers.JsonExceptionMapper().toResponse(e);
        assertEquals(400, response.getStatus());
        assertEquals("malformed_json", body(response).code());
        assertEquals(Integer.valueOf(3), body(response).line());
    }

    @Test
    public void unknownAndMistypedFieldsAreNamed() {
        ErrorBody unknown = body(new ErrorMappers.JsonExceptionMapper().toResponse(parse("{\"name\":\"x\",\"colour\":1}")));
        assertEquals("unknown_field", unknown.code());
        assertEquals("colour", unknown.field());
        ErrorBody mistyped = body(new ErrorMappers.JsonExceptionMapper().toResponse(parse("{\"name\":\"x\",\"count\":\"many\"}")));
        assertEquals("invalid_value", mistyped.code());
        assertEquals("count", mistyped.field());
    }

    @Test
    public void readerFailuresWrappedByTheJaxRsRuntimeAreUnwrapped() {
        Response tooLarge = new ErrorMappers.WebApplicationExceptionMapper()
            .toResponse(new BadRequestException(new BodyTooLargeException(1024)));
        assertEquals(413, tooLarge.getStatus());
        assertEquals("payload_too_large", body(tooLarge).code());
        Response badJson = new ErrorMappers.WebApplicationExceptionMapper().toResponse(new BadRequestException(parse("{")));
        assertEquals(400, badJson.getStatus());
        assertEquals("malformed_json", body(badJson).code());
    }

    @Test
    public void unknownPathsWithoutACallerAre401() {
        Response response = new ErrorMappers.WebApplicationExceptionMapper().toResponse(new NotFoundException());
        assertEquals(401, response.getStatus());
    }

    @Test
    public void aPathOfAWithdrawnResourceWhoseBundleStaysInstalledIs503() {
        Response stopped = new ErrorMappers.WebApplicationExceptionMapper(path -> path.equals("/leads"),
            () -> "/leads", () -> true).toResponse(new NotFoundException());
        assertEquals(503, stopped.getStatus());
        assertEquals("service_unavailable", body(stopped).code());
        assertEquals("5", stopped.getHeaderString("Retry-After"));
        // A path no withdrawn resource served, a 404 of a resource that matched (no unmatched path), or a caller
        // without a token (no path is told apart from another) answer as before.
        assertEquals(404, new ErrorMappers.WebApplicationExceptionMapper(path -> false, () -> "/nothing", () -> true)
            .toResponse(new NotFoundException()).getStatus());
        assertEquals(404, new ErrorMappers.WebApplicationExceptionMapper(path -> true, () -> null, () -> true)
            .toResponse(new NotFoundException()).getStatus());
        assertEquals(401, new ErrorMappers.WebApplicationExceptionMapper(path -> true, () -> "/leads", () -> false)
            .toResponse(new NotFoundException()).getStatus());
    }

    @Test
    public void unexpectedFailuresGiveAReferenceAndNoDetails() {
        Response response = new ErrorMappers.UnexpectedExceptionMapper()
            .toResponse(new IllegalStateException("SELECT * FROM OP_USER failed at line 42"));
        assertEquals(500, response.getStatus());
        ErrorBody body = body(response);
        assertEquals("internal_error", body.code());
        assertFalse(body.message().contains("OP_USER"));
        assertTrue(body.message().startsWith("internal error; reference "));
        assertNull(body.field());
    }

    @Test
    public void aLostRaceForAUniqueKeyIs409WithoutDetails() {
        java.sql.SQLException batch = new java.sql.SQLException("batch failed", "XJ208");
        batch.setNextException(new java.sql.SQLException("duplicate key value violates UQ_DATA_SCOPE", "23505"));
        Response response = new ErrorMappers.UnexpectedExceptionMapper()
            .toResponse(new javax.persistence.PersistenceException("flush failed", new RuntimeException(batch)));
        assertEquals(409, response.getStatus());
        assertEquals("concurrent_change", body(response).code());
        assertFalse(body(response).message().contains("UQ_DATA_SCOPE"));
        assertEquals(500, new ErrorMappers.UnexpectedExceptionMapper()
            .toResponse(new RuntimeException(new java.sql.SQLException("disk full", "53100"))).getStatus());
    }

    @Test
    public void anEditCrossingAnotherChangeOfTheRowIs409() {
        // As OpenJPA reports a version that moved since the row was read, at flush or wrapped at commit.
        Response stale = new ErrorMappers.UnexpectedExceptionMapper().toResponse(new javax.persistence.RollbackException(
            "commit failed", new javax.persistence.OptimisticLockException("OP_LEAD row 42 changed")));
        assertEquals(409, stale.getStatus());
        assertEquals("concurrent_change", body(stale).code());
        assertFalse(body(stale).message().contains("OP_LEAD"));
    }

    private JsonProcessingException parse(String text) {
        try {
            json.readValue(text, Body.class);
            throw new AssertionError("parsed " + text);
        } catch (JsonProcessingException e) {
            return e;
        }
    }
}
