package org.openpartner.itests.widgets.internal;

/**
 * What a caller sets on a widget; a field left null is not set (on update: left as it is). The record type is
 * chosen at create (null: the first the caller may create) and ignored on update.
 */
public record WidgetInput(String name, Integer price, String secret, String recordType) {
}
