package org.openpartner.platform.api.access;

import java.util.Objects;

/**
 * A field of an object as its answers name it (the JSON property).
 *
 * @param system set by the platform (ids, timestamps, counters): never writable by anyone, whatever the role says
 */
public record FieldDefinition(String name, String label, FieldType type, boolean required, boolean system) {

    public FieldDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = label == null ? name : label;
    }

    /** A field the caller may write (where its role allows). */
    public static FieldDefinition of(String name, String label, FieldType type, boolean required) {
        return new FieldDefinition(name, label, type, required, false);
    }

    /** A field the platform maintains. */
    public static FieldDefinition system(String name, String label, FieldType type) {
        return new FieldDefinition(name, label, type, false, true);
    }
}
