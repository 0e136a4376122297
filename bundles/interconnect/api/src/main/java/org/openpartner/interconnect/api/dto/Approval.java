package org.openpartner.interconnect.api.dto;

import java.util.List;
import java.util.Set;

/**
 * Approving a connection request.
 *
 * @param partnerId an existing, unconnected partner that is this company; null creates a partner named as the
 *                  company
 * @param roles     external roles for the connector contacts (default: those of the code)
 * @param apps      apps to enable besides those on by default
 */
public record Approval(String partnerId, Set<String> roles, List<String> apps) {
}
