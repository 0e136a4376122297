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

    /** The identities tracked at most before the stale ones are dropped (a flood of made-up identities). */
    static final int MAX_TRACKED = 100_000;

    private record State(int failures, Instant lockedUntil, Instant lastFailure) {
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
        Instant now = clock.instant();
        states.compute(key(identity), (k, old) -> {
            int failures = (old == null || (old.lockedUntil() != null && !now.isBefore(old.lockedUntil())))
                ? 1 : old.failures() + 1;
            Instant lockedUntil = failures >= maxFailures ? now.plus(lockTime) : null;
            return new State(failures, lockedUntil, now);
        });
        if (states.size() > MAX_TRACKED) {
            forgetStale(now);
        }
    }

    /**
     * Drops identities that are not locked and failed longer than a lock time ago; if that is not enough, every one
     * that is not locked. Locks are kept: dropping them would let the flood unlock the accounts it aims at. An
     * identity short of a lock may lose its count in a flood, the price of bounded memory: every failure behind
     * the flood costs its sender a password hash on the server's side (the decoy's), 100,000 of them for one reset.
     */
    private void forgetStale(Instant now) {
        states.entrySet().removeIf(e -> !locked(e.getValue(), now) && e.getValue().lastFailure().plus(lockTime).isBefore(now));
        if (states.size() > MAX_TRACKED) {
            states.entrySet().removeIf(e -> !locked(e.getValue(), now));
        }
    }

    private static boolean locked(State state, Instant now) {
        return state.lockedUntil() != null && now.isBefore(state.lockedUntil());
    }

    /** How many identities are tracked. */
    int tracked() {
        return states.size();
    }

    public void succeeded(String identity) {
        states.remove(key(identity));
    }

    private static String key(String identity) {
        return identity == null ? "" : identity.strip().toLowerCase(Locale.ROOT);
    }
}
