package org.openpartner.access.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.access.ObjectDefinition;
import org.openpartner.platform.api.access.ObjectType;
import org.openpartner.platform.api.access.RecordOwnership;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The objects installed bundles register. An object leaves with its bundle (its permissions stay in the database
 * for a reinstall); of two bundles registering one name, the first keeps it.
 */
@Component(service = ObjectRegistry.class)
public class ObjectRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectRegistry.class);

    private final Map<String, Registered> byName = new ConcurrentHashMap<>();

    private record Registered(ObjectType type, ObjectDefinition definition) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addObjectType(ObjectType type) {
        ObjectDefinition definition = type.definition();
        Registered previous = byName.putIfAbsent(definition.name(), new Registered(type, definition));
        if (previous != null) {
            LOG.warn("Object {} is registered twice ({} and {}); the first registration is used", definition.name(),
                previous.type().getClass().getName(), type.getClass().getName());
        }
    }

    void removeObjectType(ObjectType type) {
        byName.values().removeIf(r -> r.type() == type);
    }

    public Optional<ObjectDefinition> find(String name) {
        Registered registered = name == null ? null : byName.get(name);
        return Optional.ofNullable(registered).map(Registered::definition);
    }

    /** @throws ApiException 404 {@code unknown_object} when no installed bundle registers it */
    public ObjectDefinition require(String name) {
        return find(name).orElseThrow(() -> ApiException.notFound("unknown_object", "no installed capability has an object "
            + (name == null ? "" : "'" + name + "'"), "object"));
    }

    /** The owner of a record of the object, as the object's bundle answers it. */
    public Optional<RecordOwnership> ownership(String name, String tenantId, String recordId) {
        Registered registered = name == null ? null : byName.get(name);
        return registered == null || recordId == null ? Optional.empty()
            : registered.type().ownership(tenantId, recordId);
    }

    public List<ObjectDefinition> all() {
        return byName.values().stream().map(Registered::definition)
            .sorted(Comparator.comparing(ObjectDefinition::name)).toList();
    }
}
