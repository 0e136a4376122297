package org.openpartner.access.api.dto;

import java.util.List;

import org.openpartner.platform.api.access.FieldAccess;
import org.openpartner.platform.api.access.FieldType;

/**
 * What the portal renders for the caller: the sections of its roles' layouts for the object and record type, with
 * only the fields it may see, each with its access; and the record types it may create.
 */
public record RenderedLayout(String object, String recordType, List<Section> sections, List<String> creatableRecordTypes) {

    public record Section(String label, List<Field> fields) {
    }

    public record Field(String name, String label, FieldType type, boolean required, FieldAccess access) {
    }
}
