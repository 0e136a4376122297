package org.openpartner.platform.api.access;

/** Reading a record, or changing (or deleting) it. */
public enum RecordAccess {
    READ, WRITE
}
