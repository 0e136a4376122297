package org.openpartner.interconnect.api.dto;

import java.util.List;
import java.util.Set;

import org.openpartner.partner.api.dto.ContactInput;
import org.openpartner.partner.api.dto.PartnerInput;

/**
 * Connects a partner that has no account on the platform (SPEC S2, way 1): either an existing partner
 * ({@code partnerId}; its contacts become connector contacts) or a new one ({@code partner} with at least one
 * contact in {@code contacts}).
 *
 * @param apps            apps to enable besides those on by default
 * @param roles           external roles for the connector contacts; default {@code dealer-personnel}
 * @param initialPassword password for the external users this creates; when absent each gets a generated one,
 *                        returned once in the answer. Either way it must be changed at first login.
 */
public record ConnectRequest(String partnerId, PartnerInput partner, List<ContactInput> contacts, List<String> apps,
                             Set<String> roles, String initialPassword) {
}
