package org.openpartner.platform.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code GET /api/v1/docs}: Swagger UI (from the swagger-ui webjar bundle) on {@code openapi.json}. */
@Component(service = RestResource.class)
@Path("docs")
public class DocsResource implements RestResource {

    private static final String WEBJAR = "org.webjars.swagger-ui";
    private static final Map<String, String> FILES = Map.of(
        "swagger-ui-bundle.js", "application/javascript",
        "swagger-ui.css", "text/css",
        "favicon-32x32.png", "image/png");
    private static final String PAGE = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>OpenPartner API</title>
        <link rel="icon" href="docs/favicon-32x32.png"><link rel="stylesheet" href="docs/swagger-ui.css"></head>
        <body><div id="swagger-ui"></div>
        <script src="docs/swagger-ui-bundle.js"></script>
        <script>window.ui = SwaggerUIBundle({url: 'openapi.json', dom_id: '#swagger-ui', persistAuthorization: true});</script>
        </body>
        </html>
        """;

    private final BundleContext context;

    @Activate
    public DocsResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @PermitAll
    public Response page() {
        return Response.ok(PAGE, MediaType.TEXT_HTML_TYPE).build();
    }

    @GET
    @PermitAll
    @Path("{file}")
    public Response file(@PathParam("file") String file) throws IOException {
        String type = FILES.get(file);
        URL url = type == null ? null : webjarEntry(file);
        if (url == null) {
            throw ApiException.notFound("File");
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86_400);
        InputStream in = url.openStream();
        return Response.ok(in, type).cacheControl(cache).build();
    }

    private URL webjarEntry(String file) {
        for (Bundle bundle : context.getBundles()) {
            if (WEBJAR.equals(bundle.getSymbolicName())) {
                return bundle.getEntry("META-INF/resources/webjars/swagger-ui/" + bundle.getVersion().getMajor() + "."
                    + bundle.getVersion().getMinor() + "." + bundle.getVersion().getMicro() + "/" + file);
            }
        }
        return null;
    }
}
