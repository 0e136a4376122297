package org.openpartner.access.api.dto;

import java.util.List;
import java.util.Map;

import org.openpartner.platform.api.access.FieldAccess;

/**
 * What one role may do with one object.
 *
 * @param configured whether the upstream configured the role for the object; until then the object's defaults
 *                   for external roles apply
 * @param actions    the actions the role may take
 * @param fields     every field of the object with the role's access to it
 */
public record ObjectPermissions(String role, String object, boolean configured, List<String> actions,
                                Map<String, FieldAccess> fields) {
}
