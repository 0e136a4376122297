package org.openpartner.access.internal.command;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.access.api.dto.ObjectPermissions;
import org.openpartner.access.api.dto.PermissionsInput;
import org.openpartner.platform.api.access.FieldAccess;

@Command(scope = "access", name = "permission-set", description = "Changes what an external role may do with an object")
@Service
public class PermissionSetCommand extends AccessCommand {

    @Argument(index = 0, name = "role", description = "The role's key", required = true)
    String role;

    @Argument(index = 1, name = "object", description = "The object, e.g. partner", required = true)
    String object;

    @Option(name = "--actions", description = "Comma-separated actions the role may take from now on (\"\" for none)")
    String actions;

    @Option(name = "--field", multiValued = true, description = "field=hidden|read-only|read-write; repeat per field")
    List<String> fields;

    @Override
    public Object execute() {
        Set<String> newActions = actions == null ? null : new LinkedHashSet<>(Arrays.stream(actions.split(","))
            .map(String::strip).filter(a -> !a.isEmpty()).toList());
        Map<String, FieldAccess> newFields = null;
        if (fields != null) {
            newFields = new LinkedHashMap<>();
            for (String spec : fields) {
                int eq = spec.indexOf('=');
                if (eq < 1) {
                    System.err.println("--field takes field=hidden|read-only|read-write, not " + spec);
                    return null;
                }
                try {
                    newFields.put(spec.substring(0, eq).strip(),
                        FieldAccess.valueOf(spec.substring(eq + 1).strip().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    System.err.println("--field " + spec + ": the access is hidden, read-only or read-write");
                    return null;
                }
            }
        }
        PermissionsInput input = new PermissionsInput(newActions, newFields);
        ObjectPermissions result = asConsole(ctx -> admin.setPermissions(ctx, role, object, input));
        System.out.println(role + " on " + result.object() + ": actions " + String.join(",", result.actions()));
        result.fields().forEach((field, access) -> {
            if (access != FieldAccess.READ_WRITE) {
                System.out.println("  " + field + ": " + access.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        });
        return null;
    }
}
