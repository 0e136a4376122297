package org.openpartner.partner.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.partner.api.dto.PartnerContact;

@Command(scope = "partner", name = "show", description = "Shows a partner and its contacts")
@Service
public class PartnerShowCommand extends PartnerCommand {

    @Argument(index = 0, name = "id", description = "The partner's id", required = true)
    String id;

    @Override
    public Object execute() {
        Partner p = asConsole(ctx -> partners.get(ctx, id));
        System.out.println("Name:     " + p.name());
        System.out.println("Id:       " + p.id());
        System.out.println("Type:     " + (p.type() == null ? "" : p.type()));
        System.out.println("Level:    " + (p.level() == null ? "" : p.level()));
        System.out.println("Region:   " + (p.region() == null ? "" : p.region()));
        System.out.println("Tags:     " + String.join(", ", p.tags()));
        System.out.println("Owner:    " + (p.ownerUserId() == null ? "" : p.ownerUserId()));
        System.out.println("Status:   " + p.status());
        System.out.println("Created:  " + p.createdAt());
        ShellTable table = new ShellTable();
        table.column("Contact");
        table.column("Id");
        table.column("Mobile");
        table.column("Email");
        table.column("Position");
        table.column("Admin");
        for (PartnerContact c : asConsole(ctx -> partners.listContacts(ctx, id))) {
            table.addRow().addContent(c.name(), c.id(), c.mobile(), c.email() == null ? "" : c.email(),
                c.position() == null ? "" : c.position(), c.systemAdmin() ? "yes" : "");
        }
        table.print(System.out);
        return null;
    }
}
