package org.openpartner.access.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.access.api.AccessExplainer;
import org.openpartner.access.api.dto.Explanation;

@Command(scope = "access", name = "explain", description = "Explains whether a user can read and change a record, and why")
@Service
public class ExplainCommand extends AccessCommand {

    @Argument(index = 0, name = "user", description = "The user's id", required = true)
    String user;

    @Argument(index = 1, name = "object", description = "The object, e.g. lead", required = true)
    String object;

    @Argument(index = 2, name = "record", description = "The record's id", required = true)
    String record;

    @Reference
    AccessExplainer explainer;

    @Override
    public Object execute() {
        Explanation e = asConsole(ctx -> explainer.explain(ctx, user, object, record));
        print("read", e.read());
        print("write", e.write());
        return null;
    }

    private static void print(String what, Explanation.Verdict verdict) {
        System.out.println(what + ": " + (verdict.allowed() ? "yes" : "no"));
        verdict.reasons().forEach(r -> System.out.println("  - " + r));
    }
}
