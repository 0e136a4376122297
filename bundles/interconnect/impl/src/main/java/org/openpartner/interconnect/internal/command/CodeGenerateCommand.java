package org.openpartner.interconnect.internal.command;

import java.util.LinkedHashSet;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.interconnect.api.InvitationService;
import org.openpartner.interconnect.api.dto.CodeInput;
import org.openpartner.interconnect.api.dto.IssuedCode;

@Command(scope = "connection", name = "code-generate",
         description = "Generates an invitation code that a company's admin enters to request a connection")
@Service
public class CodeGenerateCommand extends ConnectionCommand {

    @Reference
    InvitationService invitations;

    @Option(name = "--uses", description = "How many companies may use it (default 1)")
    Integer uses = 1;

    @Option(name = "--unlimited", description = "Any number of companies may use it until it expires")
    boolean unlimited;

    @Option(name = "--days", description = "Days until it expires (1 to 365, default 7)")
    Integer days;

    @Option(name = "--label", description = "A note for yourself, e.g. the event it was handed out at")
    String label;

    @Option(name = "--role", multiValued = true, description = "External role proposed for approval")
    List<String> roles;

    @Override
    public Object execute() {
        IssuedCode issued = asConsole(ctx -> invitations.generate(ctx, new CodeInput(label, unlimited ? null : uses, days,
            roles == null ? null : new LinkedHashSet<>(roles))));
        System.out.println("Code: " + issued.code());
        System.out.println("(shown once; id " + issued.invitation().id() + ", expires " + text(issued.invitation().expiresAt())
            + ", uses " + (issued.invitation().maxUses() == null ? "unlimited" : issued.invitation().maxUses()) + ")");
        return null;
    }
}
