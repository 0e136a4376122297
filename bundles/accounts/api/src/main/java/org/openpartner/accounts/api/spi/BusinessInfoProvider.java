package org.openpartner.accounts.api.spi;

import java.util.List;

import org.openpartner.accounts.api.dto.BusinessInfo;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A registry of company data (a national business register, a credit agency) published as a service; the account
 * lookup asks every provider and lists their answers by service ranking. OpenPartner's own provider reads the data
 * set an upstream admin imports.
 */
@ConsumerType
public interface BusinessInfoProvider {

    /** The provider's name, shown as each answer's {@code source}. */
    String name();

    /**
     * Companies whose name starts with {@code namePrefix} (ignoring case and extra spaces) or whose registration id is
     * {@code registrationId} (one of the two is given), for the upstream {@code tenantId}, at most {@code limit}.
     * A provider that cannot answer now (a registry down) throws; the lookup logs it and answers with the others.
     */
    List<BusinessInfo> lookup(String tenantId, String namePrefix, String registrationId, int limit);
}
