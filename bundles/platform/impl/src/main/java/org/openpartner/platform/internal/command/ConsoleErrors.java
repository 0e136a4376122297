package org.openpartner.platform.internal.command;

import java.util.function.Supplier;

import org.openpartner.platform.api.ApiException;

/** Runs a command's work and turns a refusal into the message Karaf prints, the same one REST gives. */
final class ConsoleErrors {

    private ConsoleErrors() {
    }

    static <T> T run(Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.describe());
        }
    }
}
