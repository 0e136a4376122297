package org.openpartner.platform.api.access;

/** The kind of value a field holds, for layouts and the portal's editors. */
public enum FieldType {
    TEXT, LONG_TEXT, NUMBER, BOOLEAN, DATE, DATETIME, PHONE, EMAIL, PICKLIST, REFERENCE, LIST
}
