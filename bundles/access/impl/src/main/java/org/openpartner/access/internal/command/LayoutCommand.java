package org.openpartner.access.internal.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.access.api.LayoutAdmin;
import org.openpartner.access.api.dto.LayoutInput;
import org.openpartner.access.api.dto.LayoutSection;
import org.openpartner.access.api.dto.RoleLayout;

@Command(scope = "access", name = "layout", description = "Shows or sets an external role's page layout for an object")
@Service
public class LayoutCommand extends AccessCommand {

    @Argument(index = 0, name = "role", description = "The role's key", required = true)
    String role;

    @Argument(index = 1, name = "object", description = "The object, e.g. partner", required = true)
    String object;

    @Argument(index = 2, name = "recordType", description = "The record type (default: the object's first)")
    String recordType;

    @Option(name = "--section", multiValued = true, description = "\"Label:field,field\"; repeat per section, in order")
    List<String> sections;

    @Reference
    LayoutAdmin layouts;

    @Override
    public Object execute() {
        List<LayoutSection> parsed = new ArrayList<>();
        for (String spec : sections == null ? List.<String>of() : sections) {
            int colon = spec.indexOf(':');
            if (colon < 1) {
                System.err.println("--section takes \"Label:field,field\", not " + spec);
                return null;
            }
            parsed.add(new LayoutSection(spec.substring(0, colon).strip(), Arrays.stream(spec.substring(colon + 1)
                .split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList()));
        }
        RoleLayout layout = asConsole(ctx -> sections == null ? layouts.layout(ctx, role, object, recordType)
            : layouts.setLayout(ctx, role, object, recordType, new LayoutInput(parsed)));
        System.out.println(layout.role() + " / " + layout.object() + " / " + layout.recordType()
            + (layout.configured() ? "" : " (no layout: the record type's default applies)"));
        layout.sections().forEach(s -> System.out.println("  " + s.label() + ": " + String.join(", ", s.fields())));
        return null;
    }
}
