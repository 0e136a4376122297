package org.openpartner.hierarchy.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.hierarchy.api.dto.PartnerHierarchy;
import org.openpartner.hierarchy.api.dto.PartnerNode;
import org.openpartner.partner.api.dto.Partner;

@Command(scope = "hierarchy", name = "show", description = "Shows a partner's ancestors and descendants")
@Service
public class ShowCommand extends HierarchyCommand {

    @Argument(index = 0, name = "partner", description = "The partner's id", required = true)
    String partner;

    @Override
    public Object execute() {
        PartnerHierarchy h = asConsole(ctx -> hierarchy.of(ctx, partner));
        ShellTable table = new ShellTable();
        table.column("Level");
        table.column("Relation");
        table.column("Partner");
        table.column("Id");
        table.column("Parent");
        table.column("Company");
        h.ancestors().forEach(n -> row(table, n, "ancestor"));
        row(table, h.partner(), "this partner");
        h.descendants().forEach(n -> row(table, n, "descendant"));
        table.print(System.out);
        return null;
    }

    private static void row(ShellTable table, PartnerNode n, String relation) {
        Partner p = n.partner();
        table.addRow().addContent(n.level(), relation, p.name(), p.id(),
            p.parentPartnerId() == null ? "" : p.parentPartnerId(),
            p.connectedEnterpriseId() == null ? "" : p.connectedEnterpriseId());
    }
}
