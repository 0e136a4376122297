package org.openpartner.platform.api;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** Record ids: time-ordered UUIDs (version 7), so ids index well and are never guessable sequences. */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static String newId() {
        return GENERATOR.generate().toString();
    }
}
