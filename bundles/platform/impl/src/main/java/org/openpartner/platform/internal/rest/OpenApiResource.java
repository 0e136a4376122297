package org.openpartner.platform.internal.rest;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 description of every resource published right now, generated
 * by swagger-jaxrs2 from their JAX-RS annotations and regenerated when bundles add or withdraw resources.
 */
@Component(service = RestResource.class, property = OpenApiResource.SELF + "=true")
@Path("openapi.json")
public class OpenApiResource implements RestResource {

    /** Marks this resource's own service, which it must not bind to (DS would report a cycle). */
    static final String SELF = "openpartner.rest.openapi";

    private final Set<RestResource> resources = ConcurrentHashMap.newKeySet();
    private volatile String cached;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
               policyOption = ReferencePolicyOption.GREEDY, target = "(!(" + SELF + "=true))")
    void addResource(RestResource resource) {
        resources.add(resource);
        cached = null;
    }

    void removeResource(RestResource resource) {
        resources.remove(resource);
        cached = null;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public String openApi() {
        String document = cached;
        if (document == null) {
            document = generate();
            cached = document;
        }
        return document;
    }

    private String generate() {
        OpenAPI base = new OpenAPI()
            .info(new Info().title("OpenPartner API").version("v1")
                .description("Partner relationship management. Log in at POST /auth/login and send the token as "
                    + "'Authorization: Bearer <token>'. Errors are {code, message, field?, line?}."))
            .servers(List.of(new Server().url("/api/v1")))
            .components(new Components().addSecuritySchemes("bearer",
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
            .addSecurityItem(new SecurityRequirement().addList("bearer"));
        Set<Class<?>> classes = resources.stream().map(Object::getClass).collect(Collectors.toSet());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(Reader.class.getClassLoader());
            OpenAPI api = new Reader(new SwaggerConfiguration().openAPI(base).prettyPrint(true)).read(classes);
            return Json.pretty(api);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
