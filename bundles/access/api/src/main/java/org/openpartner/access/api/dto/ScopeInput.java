package org.openpartner.access.api.dto;

import java.util.List;

import org.openpartner.platform.api.access.DataScope;

/**
 * A change of an object's data scope.
 *
 * @param scope      the new scope; null with companies: they follow the tenant's default again
 * @param companyIds the downstream companies it is for (in bulk); null or empty: the tenant's default
 */
public record ScopeInput(DataScope scope, List<String> companyIds) {
}
