package org.openpartner.interconnect.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed attempts per key in a fixed window: after {@code max} failures the key is refused until the window
 * that started with its first failure is over.
 */
final class AttemptLimiter {

    private record Window(Instant start, int failures) {
    }

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile int max;
    private volatile Duration length;

    AttemptLimiter(Clock clock, int max, Duration length) {
        this.clock = clock;
        configure(max, length);
    }

    void configure(int max, Duration length) {
        this.max = Math.max(1, max);
        this.length = length;
    }

    /** Seconds until the key may try again; 0 when it may now. */
    long secondsLocked(String key) {
        Window window = windows.get(key);
        if (window == null) {
            return 0;
        }
        Instant end = window.start().plus(length);
        Instant now = clock.instant();
        if (!now.isBefore(end)) {
            windows.remove(key, window);
            return 0;
        }
        return window.failures() >= max ? Math.max(1, Duration.between(now, end).toSeconds()) : 0;
    }

    void failed(String key) {
        Instant now = clock.instant();
        windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(length))
            ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }
}
