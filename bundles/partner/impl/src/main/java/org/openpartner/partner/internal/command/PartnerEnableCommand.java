package org.openpartner.partner.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openpartner.partner.api.dto.PartnerSetup;

@Command(scope = "partner", name = "enable", description = "Enables Partner for an enterprise (idempotent)")
@Service
public class PartnerEnableCommand extends PartnerCommand {

    @Override
    public Object execute() {
        PartnerSetup setup = asConsole(partners::enable);
        System.out.println("Partner enabled since " + setup.enabledAt() + "; roles " + setup.roles()
            + "; record types " + setup.recordTypes());
        return null;
    }
}
