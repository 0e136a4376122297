package org.openpartner.platform.api.dto;

/**
 * The outcome of making a connector contact an external user.
 *
 * @param created         false when the identity (the mobile) already existed on the platform and was reused
 * @param initialPassword the password to hand to a newly created user when none was given; null otherwise. It
 *                        is shown once and must be changed at first login.
 */
public record ExternalUser(User user, boolean created, String initialPassword) {
}
