package org.openpartner.interconnect.internal.importer;

import java.util.Map;

/** One data row of an import file: its line (or sheet row) number and its cells by column. */
record SheetRow(int line, Map<Column, String> cells) {

    String get(Column column) {
        String value = cells.get(column);
        return value == null ? "" : value;
    }
}
