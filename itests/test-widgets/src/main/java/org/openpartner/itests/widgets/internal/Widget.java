package org.openpartner.itests.widgets.internal;

import org.openpartner.platform.api.access.AccessObject;

/** A widget as REST answers carry it: the platform drops the fields the caller may not see. */
@AccessObject(WidgetObject.NAME)
public record Widget(String id, String name, Integer price, String secret, String recordType, String ownerUserId,
                     String ownerCompanyId, long version) {
}
