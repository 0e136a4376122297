package org.openpartner.hierarchy.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.hierarchy.api.dto.TreeNode;

@Command(scope = "hierarchy", name = "tree", description = "Prints the partner hierarchy, or the subtree below a partner")
@Service
public class TreeCommand extends HierarchyCommand {

    @Argument(index = 0, name = "root", description = "The partner whose subtree to print; all trees without it")
    String root;

    @Override
    public Object execute() {
        List<TreeNode> trees = asConsole(ctx -> hierarchy.tree(ctx, root));
        if (trees.isEmpty()) {
            System.out.println("No partner has a parent partner yet");
        }
        trees.forEach(t -> print(t, ""));
        return null;
    }

    private static void print(TreeNode node, String indent) {
        System.out.println(indent + label(node.partner()));
        node.children().forEach(child -> print(child, indent + "  "));
    }
}
