package org.openpartner.leads.internal.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.leads.api.LeadService;
import org.openpartner.leads.api.dto.Lead;
import org.openpartner.leads.api.dto.LeadStatus;
import org.openpartner.platform.api.ApiException;
import org.openpartner.platform.api.IdentityService;
import org.openpartner.platform.api.Page;
import org.openpartner.platform.api.PageRequest;

@Command(scope = "lead", name = "list", description = "Lists an enterprise's leads, newest first")
@Service
public class LeadListCommand implements Action {

    @Option(name = "--tenant", description = "Enterprise name or id", required = true)
    String tenant;

    @Option(name = "--status", description = "Only leads in this status (ASSIGNED, FOLLOWING, ...)")
    String status;

    @Option(name = "--limit", description = "How many (at most 500)")
    int limit = 50;

    @Reference
    IdentityService identities;

    @Reference
    LeadService leads;

    @Override
    public Object execute() {
        Page<Lead> page = ApiException.forConsole(() -> {
            LeadStatus only = null;
            if (status != null) {
                try {
                    only = LeadStatus.valueOf(status.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("invalid_status", "--status is one of "
                        + java.util.List.of(LeadStatus.values()), "status");
                }
            }
            return leads.list(identities.consoleContext(tenant), only, new PageRequest(limit, null, null));
        });
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Company");
        table.column("Status");
        table.column("Owner");
        table.column("Owner company");
        table.column("Last follow-up");
        for (Lead l : page.items()) {
            table.addRow().addContent(l.id(), l.name(), orEmpty(l.companyName()), l.status(), orEmpty(l.ownerUserId()),
                orEmpty(l.ownerCompanyId()), l.lastFollowUpAt() == null ? "" : l.lastFollowUpAt().toString());
        }
        table.print(System.out);
        return null;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
