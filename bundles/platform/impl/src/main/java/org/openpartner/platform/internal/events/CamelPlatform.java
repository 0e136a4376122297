package org.openpartner.platform.internal.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManagerFactory;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.openpartner.platform.api.dto.DeliveredEvent;
import org.openpartner.platform.api.jpa.UnitOfWork;
import org.openpartner.platform.internal.PlatformConfig;
import org.openpartner.platform.internal.security.ShiroAuthenticator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's one CamelContext. It runs the outbox relay and the event dispatch route, and adds the routes
 * of every {@link RoutesBuilder} service other bundles register (removing them when the bundle goes).
 */
@Component(immediate = true, configurationPid = PlatformConfig.PID)
public class CamelPlatform {

    private static final Logger LOG = LoggerFactory.getLogger(CamelPlatform.class);
    /** How long one timer run of the relay may drain a backlog before it hands the thread back. */
    private static final long RELAY_BUDGET_MILLIS = 5_000;

    private final Map<RoutesBuilder, List<String>> contributed = new ConcurrentHashMap<>();
    private final List<RoutesBuilder> waiting = new ArrayList<>();
    private OsgiDefaultCamelContext camel;

    @Activate
    public CamelPlatform(BundleContext bundleContext, PlatformConfig config,
                         @Reference(target = "(osgi.unit.name=openpartner-platform)") EntityManagerFactory emf,
                         @Reference EventDispatcher dispatcher, @Reference UnitOfWork unitOfWork,
                         @Reference org.openpartner.platform.internal.security.Authenticator authenticator) throws Exception {
        OutboxRelay relay = new OutboxRelay(emf, unitOfWork);
        String endpoint = config.events_endpoint();
        long period = Math.max(50, config.events_relayPeriodMs());
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        context.setName("openpartner");
        // Camel 3 in DS: start first, then add routes (routes added before start stay stopped).
        context.start();
        ProducerTemplate producer = context.createProducerTemplate();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:openpartner-outbox-relay?delay=500&period=" + period)
                    .routeId("openpartner-outbox-relay")
                    .process(exchange -> relay.relayPending(producer, endpoint, RELAY_BUDGET_MILLIS));
                from(endpoint)
                    .routeId("openpartner-event-dispatch")
                    .process(exchange -> dispatcher.dispatch(exchange.getIn().getBody(DeliveredEvent.class)));
                if (authenticator instanceof ShiroAuthenticator shiro) {
                    from("timer:openpartner-token-purge?delay=60000&period=3600000")
                        .routeId("openpartner-token-purge")
                        .process(exchange -> shiro.purgeExpiredTokens());
                }
            }
        });
        synchronized (this) {
            camel = context;
            for (RoutesBuilder builder : waiting) {
                addContributed(builder);
            }
            waiting.clear();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addRoutes(RoutesBuilder builder) {
        if (camel == null) {
            waiting.add(builder);
        } else {
            addContributed(builder);
        }
    }

    synchronized void removeRoutes(RoutesBuilder builder) {
        waiting.remove(builder);
        List<String> ids = contributed.remove(builder);
        if (ids == null || camel == null) {
            return;
        }
        for (String id : ids) {
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception e) {
                LOG.warn("Could not remove route {}", id, e);
            }
        }
    }

    private void addContributed(RoutesBuilder builder) {
        ModelCamelContext model = camel.adapt(ModelCamelContext.class);
        List<String> before = model.getRouteDefinitions().stream().map(RouteDefinition::getRouteId).toList();
        try {
            camel.addRoutes(builder);
            List<String> added = model.getRouteDefinitions().stream().map(RouteDefinition::getRouteId)
                .filter(id -> !before.contains(id)).toList();
            contributed.put(builder, added);
            LOG.info("Added routes {} from {}", added, builder.getClass().getName());
        } catch (Exception e) {
            LOG.error("Could not add the routes of {}", builder.getClass().getName(), e);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (camel != null) {
            camel.stop();
            camel = null;
        }
    }
}
