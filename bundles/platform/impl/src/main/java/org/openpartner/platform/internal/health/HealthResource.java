package org.openpartner.platform.internal.health;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.annotation.security.PermitAll;
import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.openpartner.platform.api.spi.Capability;
import org.openpartner.platform.api.spi.RestResource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/health}, open to all: the database and every installed OpenPartner feature, each UP or
 * DOWN; 200 when all are UP, else 503. A feature is UP while the {@link Capability} service it contributes is
 * registered, which its bundle does only once everything it needs is there.
 */
@Component(service = {RestResource.class, HealthResource.class})
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource implements RestResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);
    public static final String FEATURE_PREFIX = "openpartner-";

    public record Component(String name, String status, String detail) {
    }

    public record Health(String status, Component database, List<Component> features) {
    }

    private final Set<String> readyFeatures = ConcurrentHashMap.newKeySet();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
               policyOption = ReferencePolicyOption.GREEDY, target = "(osgi.jndi.service.name=openpartner)")
    private volatile DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
               policyOption = ReferencePolicyOption.GREEDY)
    private volatile FeaturesService features;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
               policyOption = ReferencePolicyOption.GREEDY)
    void addCapability(Capability capability) {
        readyFeatures.add(capability.feature());
    }

    void removeCapability(Capability capability) {
        readyFeatures.remove(capability.feature());
    }

    @GET
    @PermitAll
    public Response health() {
        Health health = check();
        return Response.status("UP".equals(health.status()) ? 200 : 503).entity(health).build();
    }

    public Health check() {
        Component database = database();
        List<Component> featureStates = new ArrayList<>();
        TreeMap<String, Boolean> installed = new TreeMap<>();
        FeaturesService service = features;
        if (service != null) {
            try {
                for (Feature feature : service.listInstalledFeatures()) {
                    if (feature.getName().startsWith(FEATURE_PREFIX) && !feature.isHidden()) {
                        installed.put(feature.getName(), readyFeatures.contains(feature.getName()));
                    }
                }
            } catch (Exception e) {
                LOG.warn("Could not list the installed features", e);
            }
        }
        installed.forEach((name, ready) -> featureStates.add(new Component(name, ready ? "UP" : "DOWN",
            ready ? null : "installed, its services are not running yet")));
        boolean up = "UP".equals(database.status()) && featureStates.stream().allMatch(c -> "UP".equals(c.status()));
        return new Health(up ? "UP" : "DOWN", database, featureStates);
    }

    private Component database() {
        DataSource ds = dataSource;
        if (ds == null) {
            return new Component("database", "DOWN", "the openpartner data source is not registered");
        }
        try (Connection connection = ds.getConnection()) {
            boolean valid = connection.isValid(2);
            return new Component("database", valid ? "UP" : "DOWN", connection.getMetaData().getDatabaseProductName());
        } catch (Exception e) {
            LOG.warn("Database health check failed", e);
            return new Component("database", "DOWN", "cannot connect");
        }
    }
}
