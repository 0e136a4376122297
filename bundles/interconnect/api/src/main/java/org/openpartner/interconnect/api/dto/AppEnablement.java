package org.openpartner.interconnect.api.dto;

import java.util.List;

/** Enables or disables an app for many partners (their connections) at once. */
public record AppEnablement(List<String> partnerIds, boolean enabled) {
}
