package org.openpartner.interconnect.internal.rest;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.openpartner.interconnect.api.ImportService;
import org.openpartner.interconnect.api.dto.ImportJob;
import org.openpartner.interconnect.api.dto.ImportOptions;
import org.openpartner.interconnect.api.dto.RejectedRow;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.openpartner.platform.api.spi.OwnBodyLimit;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Bulk import of connected companies: {@code POST /imports} with the file as the body ({@code text/csv} or the
 * XLSX type, {@code curl --data-binary @file.csv}) or as the {@code file} part of a form
 * ({@code curl -F file=@file.csv}); then {@code GET /imports/{id}} for progress and
 * {@code GET /imports/{id}/report} for the rejected rows as CSV.
 */
@Component(service = RestResource.class)
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource implements RestResource {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** How many rejected rows the upload's answer lists; the rest are a page away (or in the report). */
    static final int REJECTIONS_IN_ANSWER = 500;
    /** Room for a form's boundaries, headers and small parts besides the file. */
    static final long FORM_OVERHEAD = 64 * 1024;
    static final String TEMPLATE = "company name,partner type,level,contact name,mobile,email,system admin,apps\r\n";

    /** The upload's answer: the job and its first rejected rows. */
    public record Submission(ImportJob job, List<RejectedRow> rejectedRows, String rejectedRowsCursor) {
    }

    private final ImportService imports;

    @Activate
    public ImportResource(@Reference ImportService imports) {
        this.imports = imports;
    }

    @POST
    @OwnBodyLimit
    @Consumes({"text/csv", "text/plain", XLSX_TYPE, MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@Context CallContext caller, @Context HttpServletRequest request,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @QueryParam("fileName") String fileName, @QueryParam("apps") String apps,
                           @QueryParam("roles") String roles, InputStream body) {
        ImportJob job = imports.submit(caller, fileName, contentType, body, request.getContentLengthLong(),
            new ImportOptions(list(roles), list(apps), null));
        return created(caller, job);
    }

    /** The form upload; besides {@code file}, optional parts {@code apps}, {@code roles}, {@code initialPassword}. */
    @POST
    @OwnBodyLimit
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadForm(@Context CallContext caller, @Context HttpServletRequest request, MultipartBody form) {
        Attachment file = form.getAttachment("file");
        if (file == null) {
            throw ApiException.badRequest("required", "the form has no 'file' part", "file");
        }
        String fileName = file.getContentDisposition() == null ? null : file.getContentDisposition().getFilename();
        String type = file.getContentType() == null ? null : file.getContentType().toString();
        ImportOptions options = new ImportOptions(list(text(form, "roles")), list(text(form, "apps")),
            text(form, "initialPassword"));
        // The form's length bounds the file's: a form larger than the limit plus room for the other parts is
        // refused before the file is read.
        long formLength = request.getContentLengthLong();
        ImportJob job = imports.submit(caller, fileName, type, file.getObject(InputStream.class),
            formLength < 0 ? -1 : Math.max(0, formLength - FORM_OVERHEAD), options);
        return created(caller, job);
    }

    private Response created(CallContext caller, ImportJob job) {
        Page<RejectedRow> rejected = imports.rejectedRows(caller, job.id(), PageRequest.first(REJECTIONS_IN_ANSWER));
        return Response.status(Response.Status.ACCEPTED).location(URI.create("imports/" + job.id()))
            .entity(new Submission(job, rejected.items(), rejected.nextCursor())).build();
    }

    private static String text(MultipartBody form, String name) {
        Attachment part = form.getAttachment(name);
        if (part == null) {
            return null;
        }
        try (InputStream in = part.getObject(InputStream.class)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("upload_failed", "the form part '" + name + "' could not be read", name);
        }
    }

    private static List<String> list(String csv) {
        if (csv == null || csv.isBlank()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        Arrays.stream(csv.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
        return values;
    }

    @GET
    public Page<ImportJob> list(@Context CallContext caller, @QueryParam("limit") @DefaultValue("50") int limit,
                                @QueryParam("cursor") String cursor) {
        return imports.list(caller, new PageRequest(limit, cursor, null));
    }

    /** An empty file with the header row, to fill in. */
    @GET
    @Path("template")
    @Produces("text/csv")
    public Response template() {
        return Response.ok(TEMPLATE).type("text/csv; charset=UTF-8")
            .header("Content-Disposition", "attachment; filename=\"connected-companies.csv\"").build();
    }

    @GET
    @Path("{id}")
    public ImportJob get(@Context CallContext caller, @PathParam("id") String id) {
        return imports.get(caller, id);
    }

    @GET
    @Path("{id}/rejected-rows")
    public Page<RejectedRow> rejectedRows(@Context CallContext caller, @PathParam("id") String id,
                                          @QueryParam("limit") @DefaultValue("100") int limit,
                                          @QueryParam("cursor") String cursor) {
        return imports.rejectedRows(caller, id, new PageRequest(limit, cursor, null));
    }

    @GET
    @Path("{id}/report")
    @Produces("text/csv")
    public Response report(@Context CallContext caller, @PathParam("id") String id) {
        ImportJob job = imports.get(caller, id);
        StreamingOutput body = out -> imports.writeReport(caller, id, out);
        return Response.ok(body).type("text/csv; charset=UTF-8")
            .header("Content-Disposition", "attachment; filename=\"import-" + job.id() + "-rejected.csv\"").build();
    }

    @POST
    @Path("{id}/cancel")
    public ImportJob cancel(@Context CallContext caller, @PathParam("id") String id) {
        return imports.cancel(caller, id);
    }
}
