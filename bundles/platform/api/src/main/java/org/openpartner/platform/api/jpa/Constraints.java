package org.openpartner.platform.api.jpa;

import java.sql.SQLException;

/**
 * Telling a write the database refused for an integrity constraint, which services turn into a 409: a unique key a
 * concurrent write took between the service's own check and its insert.
 *
 * @since 1.5
 */
public final class Constraints {

    private Constraints() {
    }

    /** Whether the failure, or one of its causes, is an integrity constraint violation (SQLState class 23). */
    public static boolean violated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
