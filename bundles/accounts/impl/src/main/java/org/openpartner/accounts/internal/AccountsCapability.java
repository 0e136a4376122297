package org.openpartner.accounts.internal;

import org.openpartner.accounts.api.AccountService;
import org.openpartner.accounts.api.BusinessInfoService;
import org.openpartner.platform.api.spi.Capability;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Accounts are ready once their service and the business-info lookup are. */
@Component(service = Capability.class)
public class AccountsCapability implements Capability {

    @Reference
    private AccountService accounts;

    @Reference
    private BusinessInfoService businessInfo;

    @Override
    public String feature() {
        return "openpartner-accounts";
    }
}
