package org.openpartner.pools.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.openpartner.platform.api.ApiException;
import org.openpartner.pools.api.spi.PoolableObject;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The poolable objects installed bundles publish; an object's pools wait, unused, while its bundle is away. */
@Component(service = PoolObjects.class)
public class PoolObjects {

    private final Map<String, PoolableObject> byName = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPoolableObject(PoolableObject object) {
        byName.putIfAbsent(object.objectName(), object);
    }

    void removePoolableObject(PoolableObject object) {
        byName.remove(object.objectName(), object);
    }

    Optional<PoolableObject> find(String objectName) {
        return objectName == null ? Optional.empty() : Optional.ofNullable(byName.get(objectName));
    }

    PoolableObject require(String objectName, String field) {
        return find(objectName).orElseThrow(() -> ApiException.badRequest("unknown_object", "no installed object "
            + "by that name can be pooled", field));
    }

    boolean isPoolable(String objectName) {
        return byName.containsKey(objectName);
    }
}
