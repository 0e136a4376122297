package org.openpartner.announcements.internal;

import java.util.List;
import java.util.Set;

import org.openpartner.announcements.api.AnnouncementService;
import org.openpartner.interconnect.api.spi.InterconnectionApp;
import org.osgi.service.component.annotations.Component;

/** Announcements as an interconnection app: off until the upstream enables it for companies. */
@Component(service = InterconnectionApp.class)
public class AnnouncementsApp implements InterconnectionApp {

    /** The default external role that Enable Partner creates. */
    static final String DEALER_PERSONNEL = "dealer-personnel";

    @Override
    public String id() {
        return AnnouncementService.APP_ID;
    }

    @Override
    public String name() {
        return "Announcements";
    }

    @Override
    public String description() {
        return "News from the upstream to its connected companies: promotions, policy changes, price updates.";
    }

    @Override
    public List<String> objects() {
        return List.of("Announcement");
    }

    @Override
    public Set<String> defaultExternalRoles() {
        return Set.of(DEALER_PERSONNEL);
    }

    @Override
    public List<String> portalComponents() {
        return List.of("announcement-list", "announcement-detail");
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }
}
