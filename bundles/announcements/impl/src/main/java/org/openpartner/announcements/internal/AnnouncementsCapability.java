package org.openpartner.announcements.internal;

import org.openpartner.announcements.api.AnnouncementService;
import org.openpartner.platform.api.spi.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announcements are ready once their service is. */
@Component(service = Capability.class)
public class AnnouncementsCapability implements Capability {

    @Reference
    private AnnouncementService announcements;

    @Override
    public String feature() {
        return "openpartner-announcements";
    }
}
