package org.openpartner.platform.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts failed logins in a row per identity; after {@code maxFailures} the identity is locked for
 * {@code lockTime}, whatever password is tried. A success resets the count. Kept per node in memory: a lock
 * bounds guessing speed, and a restart that clears it costs an attacker more than it gains.
 */
public final class LoginThrottle {

    private record State(int failures, Instant lockedUntil) {
    }

    private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int maxFailures;
    private volatile Duration lockTime;

    public LoginThrottle(Clock clock, int maxFailures, Duration lockTime) {
        this.clock = clock;
        configure(maxFailures, lockTime);
    }

    public void configure(int maxFailures, Duration lockTime) {
        this.maxFailures = Math.max(1, maxFailures);
        this.lockTime = lockTime;
    }

    /** Seconds the identity must still wait, or 0 when it may try. */
    public long secondsLocked(String identity) {
        State state = states.get(key(identity));
        if (state == null || state.lockedUntil() == null) {
            return 0;
        }
        Instant now = clock.instant();
        if (!now.isBefore(state.lockedUntil())) {
            return 0;
        }
        // Round up: a caller told "0 seconds" must really be allowed to try again.
        long millis = Duration.between(now, state.lockedUntil()).toMillis();
        return (millis + 999) / 1000;
    }

    public void failed(String identity) {
        states.compute(key(identity), (k, old) -> {
            Instant now = clock.instant();
            int failures = (old == null || (old.lockedUntil() != null && !now.isBefore(old.lockedUntil())))
                ? 1 : old.failures() + 1;
            Instant lockedUntil = failures >= maxFailures ? now.plus(lockTime) : null;
            return new State(failures, lockedUntil);
        });
    }

    public void succeeded(String identity) {
        states.remove(key(identity));
    }

    private static String key(String identity) {
        return identity == null ? "" : identity.strip().toLowerCase(Locale.ROOT);
    }
}
