package org.openpartner.interconnect.internal;

import java.util.List;
import java.util.Set;

import org.openpartner.interconnect.api.spi.InterconnectionApp;
import org.osgi.service.component.annotations.Component;

/**
 * SharePartner, the app every connection starts with: the connected company sees the upstream's record of it and
 * its connector contacts, and reaches the partner portal.
 */
@Component(service = InterconnectionApp.class)
public class SharePartnerApp implements InterconnectionApp {

    public static final String ID = "share-partner";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "SharePartner";
    }

    @Override
    public String description() {
        return "The partner portal: the connected company's profile as the upstream keeps it, and its connector contacts.";
    }

    @Override
    public List<String> objects() {
        return List.of("Partner", "Contact");
    }

    @Override
    public Set<String> defaultExternalRoles() {
        return Set.of(Roles.DEALER_PERSONNEL);
    }

    @Override
    public List<String> portalComponents() {
        return List.of("company-profile", "connector-contacts");
    }

    @Override
    public boolean enabledByDefault() {
        return true;
    }
}
