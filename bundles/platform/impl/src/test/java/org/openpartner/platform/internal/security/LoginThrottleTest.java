package org.openpartner.platform.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.Test;

public class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15));

    @Test
    public void fiveFailuresInARowLockTheIdentity() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice");
            assertEquals(0, throttle.secondsLocked("alice"));
        }
        throttle.failed("alice");
        assertEquals(900, throttle.secondsLocked("alice"));
        assertEquals("identities are case-insensitive", 900, throttle.secondsLocked(" ALICE "));
        assertEquals("others are not affected", 0, throttle.secondsLocked("bob"));
    }

    @Test
    public void aSuccessResetsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice");
        }
        throttle.succeeded("alice");
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice");
        }
        assertEquals(0, throttle.secondsLocked("alice"));
    }

    @Test
    public void theLockExpiresAndCountingStartsAgain() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("alice");
        }
        clock.advance(Duration.ofMinutes(10));
        assertTrue(throttle.secondsLocked("alice") > 0);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, throttle.secondsLocked("alice"));
        throttle.failed("alice");
        assertEquals("one failure after the lock is the first of a new run", 0, throttle.secondsLocked("alice"));
    }

    @Test
    public void reconfigurationAppliesToTheNextFailures() {
        throttle.configure(2, Duration.ofSeconds(30));
        throttle.failed("carol");
        throttle.failed("carol");
        assertEquals(30, throttle.secondsLocked("carol"));
        clock.advance(Duration.ofMillis(29_001));
        assertEquals("rounded up", 1, throttle.secondsLocked("carol"));
    }

    @Test
    public void aFloodOfMadeUpIdentitiesIsForgottenButLocksAreKept() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("victim");
        }
        for (int i = 0; i < 2 * LoginThrottle.MAX_TRACKED; i++) {
            throttle.failed("made-up-" + i);
            assertTrue(throttle.tracked() <= LoginThrottle.MAX_TRACKED);
        }
        assertTrue("the locked identity stays locked", throttle.secondsLocked("victim") > 0);
        // A lock that ran out is forgotten like any stale entry.
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i <= LoginThrottle.MAX_TRACKED; i++) {
            throttle.failed("later-" + i);
        }
        assertEquals(0, throttle.secondsLocked("victim"));
        assertTrue(throttle.tracked() <= LoginThrottle.MAX_TRACKED);
    }
}
