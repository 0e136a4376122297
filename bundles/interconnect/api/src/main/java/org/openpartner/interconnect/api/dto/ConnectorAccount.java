package org.openpartner.interconnect.api.dto;

/**
 * The external user made for a connector contact.
 *
 * @param created         false when the mobile already belonged to a platform user, who was reused
 * @param initialPassword the generated password of a new user, shown once; null otherwise
 */
public record ConnectorAccount(String userId, String name, String mobile, boolean created, String initialPassword) {
}
