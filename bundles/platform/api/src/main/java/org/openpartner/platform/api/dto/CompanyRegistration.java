package org.openpartner.platform.api.dto;

import java.util.List;
import java.util.Set;

/**
 * A downstream company without an account that an upstream registers and connects in one step.
 *
 * @param name          the company's name; made unique with a number when another enterprise has it
 * @param connectionId  the upstream's connection the company's users act under
 * @param contacts      its connector contacts, identified by mobile; {@link NewUser#tenantAdmin()} makes one its
 *                      administrator
 * @param externalRoles the upstream's external roles the contacts get
 */
public record CompanyRegistration(String name, String connectionId, List<NewUser> contacts, Set<String> externalRoles) {
}
