package org.openpartner.benchmarks;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** What the raw baselines share: a row added to a statement's batch, and ids of the kind the platform makes. */
final class Batches {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private Batches() {
    }

    /** Binds the values in order and adds the row to the statement's batch. */
    static void add(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
    }

    /** A time-ordered UUID (version 7), as the platform's ids are. */
    static String newId() {
        return IDS.generate().toString();
    }
}
