package org.openpartner.platform.api.dto;

import java.util.List;

/** The outcome of a {@link CompanyRegistration}: the enterprise registered and its contacts' users, in order. */
public record RegisteredCompany(Enterprise enterprise, List<ExternalUser> users) {
}
