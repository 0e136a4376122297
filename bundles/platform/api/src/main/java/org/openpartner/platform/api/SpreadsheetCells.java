package org.openpartner.platform.api;

import java.util.regex.Pattern;

/**
 * CSV files the platform writes are opened in spreadsheets, which run a cell that starts with {@code = + - @}, a tab
 * or a carriage return as a formula (CSV injection). Every exported cell that carries user input goes through
 * {@link #neutralize}.
 *
 * @since 1.5
 */
public final class SpreadsheetCells {

    /** A phone number such as +44 7900 123456 carries no formula: left as it is, so that an export re-imports. */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+[0-9 ]{4,20}");

    private SpreadsheetCells() {
    }

    /** The cell, with a leading apostrophe when a spreadsheet would run it as a formula. */
    public static String neutralize(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
            && !PHONE_LIKE.matcher(cell).matches()) {
            return "'" + cell;
        }
        return cell;
    }
}
