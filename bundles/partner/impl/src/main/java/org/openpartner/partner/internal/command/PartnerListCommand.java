package org.openpartner.partner.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.partner.api.dto.PartnerFilter;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;

@Command(scope = "partner", name = "list", description = "Lists the partners of an enterprise")
@Service
public class PartnerListCommand extends PartnerCommand {

    @Option(name = "--limit", description = "How many partners at most (default 50)")
    int limit = 50;

    @Option(name = "--search", description = "Only partners whose name contains this")
    String search;

    @Option(name = "--sort", description = "name, createdAt or updatedAt; prefix - for descending")
    String sort;

    @Override
    public Object execute() {
        Page<Partner> page = asConsole(ctx -> partners.list(ctx,
            new PartnerFilter(search, null, null, null, null, null, null), new PageRequest(limit, null, sort)));
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Id");
        table.column("Type");
        table.column("Level");
        table.column("Region");
        table.column("Status");
        table.column("Contacts");
        for (Partner p : page.items()) {
            table.addRow().addContent(p.name(), p.id(), nz(p.type()), nz(p.level()), nz(p.region()), p.status(),
                p.contactCount());
        }
        table.print(System.out);
        if (page.nextCursor() != null) {
            System.out.println("(more partners: raise --limit or narrow with --search)");
        }
        return null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
