package org.openpartner.platform.api.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of the answer of an all-or-nothing CSV import that found wrong rows (status {@link #STATUS}):
 * {@code import_rejected}, the first wrong row's line and field at the top (as every error names its line or field)
 * and every wrong row below, so that a user fixes the whole file in one go.
 */
public final class ImportRejected {

    /** Unprocessable entity: the file was read, its rows were wrong. */
    public static final int STATUS = 422;

    private ImportRejected() {
    }

    /**
     * @param rejected   the wrong rows, as the import's API describes them (serialised as they are)
     * @param firstLine  the first wrong row's line in the file
     * @param firstField the first wrong row's field, or null when the row as a whole is wrong
     */
    public static Map<String, Object> body(List<?> rejected, long firstLine, String firstField) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "import_rejected");
        error.put("message", rejected.size() + " row" + (rejected.size() == 1 ? " is" : "s are")
            + " wrong; nothing was imported");
        error.put("line", firstLine);
        if (firstField != null) {
            error.put("field", firstField);
        }
        error.put("rejected", rejected);
        return error;
    }
}
