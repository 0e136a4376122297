package org.openpartner.access.internal.command;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.access.api.dto.ObjectPermissions;
import org.openpartner.platform.api.access.FieldAccess;

@Command(scope = "access", name = "permissions", description = "Shows what an external role may do with each object")
@Service
public class PermissionsCommand extends AccessCommand {

    @Argument(index = 0, name = "role", description = "The role's key", required = true)
    String role;

    @Argument(index = 1, name = "object", description = "Only this object")
    String object;

    @Override
    public Object execute() {
        List<ObjectPermissions> all = asConsole(ctx -> object == null ? admin.permissions(ctx, role)
            : List.of(admin.permissions(ctx, role, object)));
        ShellTable table = new ShellTable();
        table.column("Object");
        table.column("Actions");
        table.column("Read-only fields");
        table.column("Hidden fields");
        for (ObjectPermissions p : all) {
            table.addRow().addContent(p.object() + (p.configured() ? "" : " (defaults)"), String.join(",", p.actions()),
                fieldsWith(p.fields(), FieldAccess.READ_ONLY), fieldsWith(p.fields(), FieldAccess.HIDDEN));
        }
        table.print(System.out);
        return null;
    }

    private static String fieldsWith(Map<String, FieldAccess> fields, FieldAccess access) {
        return String.join(",", fields.entrySet().stream().filter(e -> e.getValue() == access).map(Map.Entry::getKey).toList());
    }
}
