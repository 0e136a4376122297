package org.openpartner.partner.api.dto;

import java.util.List;

/**
 * A partner to create together with its contacts.
 *
 * @param connectedEnterpriseId the downstream enterprise it is connected with from the start, or null
 */
public record NewPartner(PartnerInput partner, List<ContactInput> contacts, String connectedEnterpriseId) {
}
