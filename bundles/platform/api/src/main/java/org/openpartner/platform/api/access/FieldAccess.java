package org.openpartner.platform.api.access;

/** What a caller may do with one field of an object, from least to most permissive. */
public enum FieldAccess {
    /** Absent from every answer; writing it is refused. */
    HIDDEN,
    /** Shown; writing it is refused. */
    READ_ONLY,
    /** Shown and writable (where the caller may edit the record at all). */
    READ_WRITE;

    /** The more permissive of the two: a user's rights are the union of their roles'. */
    public FieldAccess union(FieldAccess other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }
}
