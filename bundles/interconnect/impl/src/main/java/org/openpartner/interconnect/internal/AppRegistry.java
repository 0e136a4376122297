package org.openpartner.interconnect.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.openpartner.interconnect.api.spi.InterconnectionApp;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The apps installed now: they come and go with their bundles. */
@Component(service = AppRegistry.class)
public class AppRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(AppRegistry.class);

    private final Map<String, InterconnectionApp> apps = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
               policyOption = ReferencePolicyOption.GREEDY)
    void addApp(InterconnectionApp app) {
        InterconnectionApp previous = apps.putIfAbsent(app.id(), app);
        if (previous != null && previous != app) {
            LOG.warn("Two interconnection apps claim the id '{}'; keeping {}", app.id(), previous.getClass().getName());
        } else {
            LOG.info("Interconnection app '{}' installed", app.id());
        }
    }

    void removeApp(InterconnectionApp app) {
        if (apps.remove(app.id(), app)) {
            LOG.info("Interconnection app '{}' uninstalled; its settings and data are kept", app.id());
        }
    }

    public Optional<InterconnectionApp> find(String id) {
        return Optional.ofNullable(id == null ? null : apps.get(id));
    }

    /** An installed app by its id or its name, ignoring case: what people type into an import file. */
    public Optional<String> findIdByIdOrName(String idOrName) {
        String wanted = idOrName == null ? "" : idOrName.strip();
        return apps.values().stream()
            .filter(a -> a.id().equalsIgnoreCase(wanted) || (a.name() != null && a.name().equalsIgnoreCase(wanted)))
            .map(InterconnectionApp::id).findFirst();
    }

    public List<InterconnectionApp> all() {
        Collection<InterconnectionApp> values = apps.values();
        return values.stream().sorted(Comparator.comparing(InterconnectionApp::id)).toList();
    }

    public List<String> enabledByDefault() {
        return all().stream().filter(InterconnectionApp::enabledByDefault).map(InterconnectionApp::id).toList();
    }
}
