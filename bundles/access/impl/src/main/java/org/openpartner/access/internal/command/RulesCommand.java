package org.openpartner.access.internal.command;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.openpartner.access.api.SharingRuleAdmin;
import org.openpartner.access.api.dto.SharingRule;
import org.openpartner.access.api.dto.SharingRuleInput;
import org.openpartner.platform.api.access.RecordAccess;

@Command(scope = "access", name = "rules", description = "Lists, adds or deletes data sharing rules")
@Service
public class RulesCommand extends AccessCommand {

    @Option(name = "--object", description = "Only this object's rules (with --add: the rule's object)")
    String object;

    @Option(name = "--add", description = "Adds a rule: SOURCEKIND:source>TARGETKIND[:target], e.g. "
        + "company:<id>>all-companies, role:senior-dealer>role:dealer-personnel or group:<id>>group:<id>")
    String add;

    @Option(name = "--write", description = "With --add: share for writing too")
    boolean write;

    @Option(name = "--delete", description = "Deletes the rule with this id")
    String delete;

    @Reference
    SharingRuleAdmin rules;

    @Override
    public Object execute() {
        SharingRuleInput input = add == null ? null : parse(add);
        if (add != null && input == null) {
            System.err.println("--add takes SOURCEKIND:source>TARGETKIND[:target] (company, role or group > company, role, group, "
                + "user or all-companies), not " + add);
            return null;
        }
        List<SharingRule> all = asConsole(ctx -> {
            if (input != null) {
                rules.create(ctx, input);
            }
            if (delete != null) {
                rules.delete(ctx, delete);
            }
            return rules.rules(ctx, object);
        });
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Object");
        table.column("Source");
        table.column("Target");
        table.column("Access");
        for (SharingRule r : all) {
            table.addRow().addContent(r.id(), r.object(), r.sourceKind() + ":" + r.source(),
                r.targetKind() + (r.target() == null ? "" : ":" + r.target()), r.access());
        }
        table.print(System.out);
        return null;
    }

    private SharingRuleInput parse(String spec) {
        int arrow = spec.indexOf('>');
        if (arrow < 0 || object == null) {
            return null;
        }
        String[] source = spec.substring(0, arrow).split(":", 2);
        String[] target = spec.substring(arrow + 1).split(":", 2);
        try {
            return new SharingRuleInput(object,
                SharingRule.SourceKind.valueOf(source[0].strip().toUpperCase(Locale.ROOT)),
                source.length > 1 ? source[1].strip() : null,
                SharingRule.TargetKind.valueOf(target[0].strip().toUpperCase(Locale.ROOT).replace('-', '_')),
                target.length > 1 ? target[1].strip() : null, write ? RecordAccess.WRITE : RecordAccess.READ);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
