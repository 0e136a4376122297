package org.openpartner.announcements.api;

import org.openpartner.announcements.api.dto.Announcement;
import org.openpartner.announcements.api.dto.AnnouncementInput;
import org.openpartner.platform.api.CallContext;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Announcements of the acting upstream tenant. Its channel staff post, edit and delete them; users of connected
 * companies read them, only while the Announcements app passes the interconnection gate for them (active connection,
 * app enabled for their company, within the access scope, an external role): otherwise 403 with the gate's reason.
 */
@ProviderType
public interface AnnouncementService {

    /** The app's id in the interconnection app registry. */
    String APP_ID = "announcements";

    /** The access model's name of announcements. */
    String OBJECT = "announcement";

    Announcement publish(CallContext ctx, AnnouncementInput input);

    Announcement update(CallContext ctx, String announcementId, AnnouncementInput input);

    void delete(CallContext ctx, String announcementId);

    /**
     * Newest first, pinned ones first. Upstream staff see all of their tenant's; an external user sees the
     * upstream's announcements if the app's gate lets it in.
     */
    Page<Announcement> list(CallContext ctx, PageRequest page);

    Announcement get(CallContext ctx, String announcementId);
}
