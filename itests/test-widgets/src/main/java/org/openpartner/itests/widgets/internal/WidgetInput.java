package org.openpartner.itests.widgets.internal;

/** What a caller sets on a widget; a field left null is not set (on update: left as it is). */
public record WidgetInput(String name, Integer price, String secret) {
}
