package org.openpartner.access.internal.command;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.platform.api.access.AccessControl;
import org.openpartner.platform.api.access.FieldDefinition;
import org.openpartner.platform.api.access.ObjectDefinition;

@Command(scope = "access", name = "objects", description = "Lists the objects installed capabilities register")
@Service
public class ObjectsCommand implements Action {

    @Reference
    AccessControl access;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Object");
        table.column("Label");
        table.column("Actions");
        table.column("Fields");
        table.column("External default");
        for (ObjectDefinition o : access.objects()) {
            table.addRow().addContent(o.name(), o.label(), String.join(",", o.allActions()),
                o.fields().stream().map(FieldDefinition::name).collect(Collectors.joining(",")),
                String.join(",", o.defaultExternalActions()));
        }
        table.print(System.out);
        return null;
    }
}
