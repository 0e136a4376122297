package org.openpartner.platform.api.dto;

import java.util.List;

/** A record type of an object, with the ordered fields of its default layout. */
public record RecordType(String id, String objectName, String key, String label, List<String> layout) {
}
