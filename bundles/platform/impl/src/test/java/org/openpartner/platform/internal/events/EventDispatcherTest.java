package org.openpartner.platform.internal.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.openpartner.platform.api.dto.DeliveredEvent;
import org.openpartner.platform.api.dto.DomainEvent;
import org.openpartner.platform.api.spi.EventConsumer;

public class EventDispatcherTest {

    private final EventDispatcher dispatcher = new EventDispatcher();

    private static DeliveredEvent event(String type) {
        return new DeliveredEvent("e-1", 7, Instant.now(),
            new DomainEvent(type, "t-1", "Partner", "p-1", "u-1", "summary", Map.of()));
    }

    @Test
    public void deliversToTheConsumersOfTheType() throws Exception {
        EventConsumer partners = mock(EventConsumer.class);
        EventConsumer leads = mock(EventConsumer.class);
        EventConsumer everything = mock(EventConsumer.class);
        dispatcher.addConsumer(partners, Map.of(EventConsumer.EVENT_TYPES, new String[] {"partner."}));
        dispatcher.addConsumer(leads, Map.of(EventConsumer.EVENT_TYPES, "lead."));
        dispatcher.addConsumer(everything, Map.of());
        DeliveredEvent event = event("partner.created");
        dispatcher.dispatch(event);
        verify(partners).accept(event);
        verify(everything).accept(event);
        verify(leads, never()).accept(event);
    }

    @Test
    public void aFailingConsumerFailsTheDeliverySoThatItIsRetried() throws Exception {
        EventConsumer broken = mock(EventConsumer.class);
        DeliveredEvent event = event("partner.updated");
        doThrow(new IllegalStateException("down")).when(broken).accept(event);
        dispatcher.addConsumer(broken, Map.of());
        try {
            dispatcher.dispatch(event);
            fail();
        } catch (IllegalStateException expected) {
            assertEquals("down", expected.getMessage());
        }
        dispatcher.removeConsumer(broken);
        dispatcher.dispatch(event);
    }

    @Test
    public void eventTypePropertiesAcceptStringsArraysAndCollections() {
        assertEquals(List.of(), EventDispatcher.prefixes(null));
        assertEquals(List.of("a."), EventDispatcher.prefixes("a."));
        assertEquals(List.of("a.", "b."), EventDispatcher.prefixes(new String[] {"a.", "b."}));
        assertEquals(List.of("a.", "b."), EventDispatcher.prefixes(List.of("a.", "b.")));
    }
}
