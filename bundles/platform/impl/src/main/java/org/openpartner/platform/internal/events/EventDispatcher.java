package org.openpartner.platform.internal.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openpartner.platform.api.dto.DeliveredEvent;
import org.openpartner.platform.api.spi.EventConsumer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Hands each relayed event to every {@link EventConsumer} that wants its type (the audit trail is written with the event). */
@Component(service = EventDispatcher.class)
public class EventDispatcher {

    private final Map<EventConsumer, List<String>> consumers = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConsumer(EventConsumer consumer, Map<String, Object> properties) {
        consumers.put(consumer, prefixes(properties.get(EventConsumer.EVENT_TYPES)));
    }

    static List<String> prefixes(Object property) {
        if (property == null) {
            return List.of();
        }
        if (property instanceof String[] array) {
            return List.of(array);
        }
        if (property instanceof java.util.Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(property));
    }

    void removeConsumer(EventConsumer consumer) {
        consumers.remove(consumer);
    }

    /** Delivers to all; the first failure propagates so that the relay retries the event later. */
    public void dispatch(DeliveredEvent event) throws Exception {
        for (Map.Entry<EventConsumer, List<String>> entry : consumers.entrySet()) {
            List<String> prefixes = entry.getValue();
            if (prefixes.isEmpty() || prefixes.stream().anyMatch(p -> event.event().type().startsWith(p))) {
                entry.getKey().accept(event);
            }
        }
    }
}
