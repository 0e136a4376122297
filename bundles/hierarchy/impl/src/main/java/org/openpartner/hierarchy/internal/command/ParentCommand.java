package org.openpartner.hierarchy.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.hierarchy.api.dto.PartnerHierarchy;

@Command(scope = "hierarchy", name = "parent", description = "Sets or clears a partner's parent partner")
@Service
public class ParentCommand extends HierarchyCommand {

    @Argument(index = 0, name = "partner", description = "The partner's id", required = true)
    String partner;

    @Argument(index = 1, name = "parent", description = "The new parent partner's id")
    String parent;

    @Option(name = "--clear", description = "Detach the partner from its parent")
    boolean clear;

    @Override
    public Object execute() {
        if (clear == (parent != null)) {
            System.err.println("Give a parent partner id, or --clear");
            return null;
        }
        PartnerHierarchy h = asConsole(ctx -> hierarchy.setParent(ctx, partner, clear ? null : parent));
        System.out.println(label(h.partner().partner()) + " is at level " + h.partner().level()
            + (h.ancestors().isEmpty() ? ", without a parent" : ", under " + label(h.ancestors().get(h.ancestors().size() - 1).partner()))
            + "; " + h.descendants().size() + " partner(s) below it");
        return null;
    }
}
