package org.openpartner.interconnect.api.dto;

import java.util.List;
import java.util.Set;

/**
 * The external access scope of an app for the upstream: all companies, specified companies, or specified contacts
 * within specified companies; and the external roles that may use it (null keeps them).
 */
public record AppScope(String scope, List<String> companyIds, List<String> userIds, Set<String> roles) {
}
