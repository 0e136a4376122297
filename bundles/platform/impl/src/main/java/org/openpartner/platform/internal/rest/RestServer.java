package org.openpartner.platform.internal.rest;

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
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.spi.RestResource;
import org.openpartner.platform.internal.PlatformConfig;
import org.openpartner.platform.internal.security.Authenticator;
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
    private ScheduledFuture<?> pending;
    private Server server;
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
            new ErrorMappers.WebApplicationExceptionMapper(),
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
        schedulePublish();
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        publisher.shutdownNow();
        stopServer();
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
        stopServer();
        List<Object> beans = new ArrayList<>(resources);
        if (beans.isEmpty()) {
            return;
        }
        beans.sort(Comparator.comparing(r -> r.getClass().getName()));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(RestServer.class.getClassLoader());
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(ADDRESS);
            factory.setServiceBeans(beans);
            factory.setProviders(providers);
            server = factory.create();
            LOG.info("Published {} REST resources at /api{}", beans.size(), ADDRESS);
        } catch (RuntimeException e) {
            LOG.error("Could not publish the REST resources", e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private void stopServer() {
        if (server != null) {
            server.destroy();
            server = null;
        }
    }
}
