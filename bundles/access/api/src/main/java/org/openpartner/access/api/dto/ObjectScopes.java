package org.openpartner.access.api.dto;

import java.util.Map;

import org.openpartner.platform.api.access.DataScope;

/**
 * The data scopes of one object in a tenant.
 *
 * @param defaultScope the scope of every downstream company without its own ({@code PRIVATE} until set)
 * @param companies    the companies with a scope of their own, by company id
 */
public record ObjectScopes(String object, DataScope defaultScope, Map<String, DataScope> companies) {
}
