package org.openpartner.platform.api.dto;

/**
 * What it takes to create a user: a login name and/or a mobile (at least one), a name and an initial password.
 */
public record NewUser(String loginName, String mobile, String name, String email, String password,
                      Boolean tenantAdmin) {
}
