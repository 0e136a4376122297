package org.openpartner.access.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.access.api.TeamService;

@Command(scope = "access", name = "hide-from-parents",
    description = "Shows, or switches, whether a record is hidden from the partners above its owner's company")
@Service
public class HideFromParentsCommand extends AccessCommand {

    @Argument(index = 0, name = "object", description = "The object, e.g. partner", required = true)
    String object;

    @Argument(index = 1, name = "record", description = "The record's id", required = true)
    String record;

    @Option(name = "--hide", description = "Hide the record from parent partners")
    boolean hide;

    @Option(name = "--show", description = "Show the record to parent partners again")
    boolean show;

    @Reference
    TeamService teams;

    @Override
    public Object execute() {
        if (hide && show) {
            System.err.println("Give --hide or --show, not both");
            return null;
        }
        boolean hidden = asConsole(ctx -> {
            if (hide || show) {
                teams.hideFromParents(ctx, object, record, hide);
                return hide;
            }
            return teams.hiddenFromParents(ctx, object, record);
        });
        System.out.println(hidden ? "Hidden from parent partners" : "Visible to parent partners");
        return null;
    }
}
