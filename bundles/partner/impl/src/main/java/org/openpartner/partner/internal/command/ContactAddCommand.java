package org.openpartner.partner.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.partner.api.dto.ContactInput;
import org.openpartner.partner.api.dto.PartnerContact;

@Command(scope = "partner", name = "contact-add", description = "Adds a partner contact to a partner")
@Service
public class ContactAddCommand extends PartnerCommand {

    @Argument(index = 0, name = "partnerId", description = "The partner's id", required = true)
    String partnerId;

    @Option(name = "--name", description = "The contact's name", required = true)
    String name;

    @Option(name = "--mobile", description = "Mobile number (required; +country code or the default region's format)", required = true)
    String mobile;

    @Option(name = "--email", description = "E-mail")
    String email;

    @Option(name = "--position", description = "Position")
    String position;

    @Option(name = "--system-admin", description = "The contact administers the partner company's account")
    boolean systemAdmin;

    @Override
    public Object execute() {
        PartnerContact c = asConsole(ctx -> partners.addContact(ctx, partnerId,
            new ContactInput(name, mobile, email, position, systemAdmin, null)));
        System.out.println("Added contact " + c.name() + " (" + c.id() + ") mobile " + c.mobile());
        return null;
    }
}
