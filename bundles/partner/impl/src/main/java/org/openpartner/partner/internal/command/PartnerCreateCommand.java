package org.openpartner.partner.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.partner.api.dto.Partner;
import org.openpartner.partner.api.dto.PartnerInput;

@Command(scope = "partner", name = "create", description = "Creates a partner")
@Service
public class PartnerCreateCommand extends PartnerCommand {

    @Argument(index = 0, name = "name", description = "The partner's name (unique in the enterprise)", required = true)
    String name;

    @Option(name = "--type", description = "e.g. distributor, dealer, agent")
    String type;

    @Option(name = "--level", description = "e.g. national, level-1, level-2")
    String level;

    @Option(name = "--region", description = "Region")
    String region;

    @Option(name = "--owner", description = "Id of the upstream employee who owns the partner")
    String owner;

    @Option(name = "--tag", description = "A tag (repeatable)", multiValued = true)
    List<String> tags;

    @Override
    public Object execute() {
        Partner p = asConsole(ctx -> partners.create(ctx, new PartnerInput(name, type, level, owner, tags, region, null, null)));
        System.out.println("Created partner " + p.name() + " (" + p.id() + ")");
        return null;
    }
}
