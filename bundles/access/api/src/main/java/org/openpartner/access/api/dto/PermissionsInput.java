package org.openpartner.access.api.dto;

import java.util.Map;
import java.util.Set;

import org.openpartner.platform.api.access.FieldAccess;

/**
 * A change of one role's permissions on one object.
 *
 * @param actions the actions the role may take from now on (replacing the previous set); null keeps them
 * @param fields  fields whose access changes; a field not named keeps its access; null changes none
 */
public record PermissionsInput(Set<String> actions, Map<String, FieldAccess> fields) {
}
