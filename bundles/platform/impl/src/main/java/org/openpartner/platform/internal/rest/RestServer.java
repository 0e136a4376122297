package org.openpartner.platform.internal.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import org.apache.cxf.Bus;
import org.apache.cxf.BusException;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.service.model.EndpointInfo;
import org.apache.cxf.transport.Destination;
import org.apache.cxf.transport.DestinationFactoryManager;
import org.apache.cxf.transport.MessageObserver;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.spi.RestResource;
import org.openpartner.platform.internal.PlatformConfig;
import org.openpartner.platform.internal.security.Authenticator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JAX-RS server of the platform, at {@code /api/v1} (the CXF servlet is mounted at {@code /api} by the
 * {@code org.apache.cxf.osgi} configuration the platform feature installs). It publishes every
 * {@link RestResource} service and republishes when bundles add or withdraw resources; bursts of changes (a
 * feature starting) are coalesced into one republication.
 *
 * <p>A republication must not leave a gap: destroying the old server before creating the new one answered requests
 * in between with CXF's 500 ("incomingObserver is null") or 404. So each server gets a destination of its own that
 * nothing routes to, and the one destination the servlet routes {@code /v1} to carries a {@link Handover} that
 * passes each request to the current server; switching it is one volatile write, after which the old server is
 * destroyed (requests it already took finish on it).
 */
@Component(immediate = true, configurationPid = PlatformConfig.PID)
public class RestServer {

    static final String ADDRESS = "/v1";
    static final String TOKEN_KEY = "openpartner.token";
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final Set<RestResource> resources = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "openpartner-rest-publisher");
        t.setDaemon(true);
        return t;
    });
    private final Bus bus;
    private final List<Object> providers;
    private final BodySizeFilter bodySizeFilter;
    private final FieldMasks.RequestSource fieldMasks = new FieldMasks.RequestSource();
    private final Handover handover = new Handover();
    private final WithdrawnResources withdrawn = new WithdrawnResources();
    private ScheduledFuture<?> pending;
    private Server server;
    private Destination routed;
    private boolean active;

    @Activate
    public RestServer(@Reference Authenticator authenticator, PlatformConfig config) {
        // CXF registers no Bus service in Karaf; its default bus reaches the OSGi servlet transport.
        this.bus = BusFactory.getDefaultBus(true);
        this.bodySizeFilter = new BodySizeFilter(config.request_maxBodyBytes());
        this.providers = List.of(
            new JacksonJsonProvider(JsonMapper.forAnswers(fieldMasks)),
            bodySizeFilter,
            new TokenFilter(authenticator),
            new AccessFilter(),
            new CallContextProvider(),
            new ErrorMappers.ApiExceptionMapper(),
            new ErrorMappers.JsonExceptionMapper(),
            new ErrorMappers.WebApplicationExceptionMapper(withdrawn),
            new ErrorMappers.UnexpectedExceptionMapper());
        synchronized (this) {
            active = true;
            schedulePublish();
        }
    }

    @Modified
    void modified(PlatformConfig config) {
        bodySizeFilter.setMaxBytes(config.request_maxBodyBytes());
    }

    /** Field masks need the access engine; until it is there, access objects are answered with their ids only. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void setAccessControl(AccessControl accessControl) {
        fieldMasks.bind(accessControl);
    }

    void unsetAccessControl(AccessControl accessControl) {
        fieldMasks.unbind(accessControl);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(RestResource resource) {
        resources.add(resource);
        schedulePublish();
    }

    void removeResource(RestResource resource) {
        resources.remove(resource);
        // Its paths answer 503 rather than 404 while its bundle stays installed (stopped, restarting, updated).
        Bundle bundle = FrameworkUtil.getBundle(resource.getClass());
        if (bundle != null) {
            withdrawn.withdrawn(resource.getClass(), () -> bundle.getState() != Bundle.UNINSTALLED);
        }
        schedulePublish();
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        publisher.shutdownNow();
        withdraw();
        if (routed != null) {
            routed.shutdown();
            routed = null;
        }
    }

    private synchronized void schedulePublish() {
        if (!active) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = publisher.schedule(this::publish, 50, TimeUnit.MILLISECONDS);
    }

    private synchronized void publish() {
        if (!active) {
            return;
        }
        List<Object> beans = new ArrayList<>(resources);
        if (beans.isEmpty()) {
            withdraw();
            return;
        }
        beans.sort(Comparator.comparing(r -> r.getClass().getName()));
        Server next = null;
        MessageObserver serving = handover.current;
        try {
            next = create(beans);
            if (routed == null) {
                EndpointInfo endpoint = next.getEndpoint().getEndpointInfo();
                routed = bus.getExtension(DestinationFactoryManager.class)
                    .getDestinationFactory(endpoint.getTransportId()).getDestination(endpoint, bus);
            }
            // The new chain first, then the routed destination's observer (the same handover after the first time).
            handover.current = next.getDestination().getMessageObserver();
            routed.setMessageObserver(handover);
        } catch (RuntimeException | IOException | BusException e) {
            // The previous server, if any, goes on serving the resources it had; the new one goes.
            handover.current = serving;
            if (next != null) {
                next.destroy();
            }
            LOG.error("Could not publish the REST resources", e);
            return;
        }
        withdrawn.published(beans);
        Server previous = server;
        server = next;
        if (previous != null) {
            previous.destroy();
        }
        LOG.info("Published {} REST resources at /api{}", beans.size(), ADDRESS);
    }

    private Server create(List<Object> beans) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(RestServer.class.getClassLoader());
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(ADDRESS);
            // A registry of its own: the servlet never routes to this destination; the handover does.
            factory.setDestinationFactory(new HTTPTransportFactory(new DestinationRegistryImpl()));
            factory.setServiceBeans(beans);
            factory.setProviders(providers);
            return factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** No resources: the routed destination leaves the servlet's registry (CXF answers 404) until some come back. */
    private void withdraw() {
        if (routed != null) {
            routed.setMessageObserver(null);
        }
        if (server != null) {
            server.destroy();
            server = null;
        }
    }

    /** The routed destination's observer: hands each request to the current server's chain. */
    static final class Handover implements MessageObserver {
        volatile MessageObserver current;

        @Override
        public void onMessage(Message message) {
            current.onMessage(message);
        }
    }
}
