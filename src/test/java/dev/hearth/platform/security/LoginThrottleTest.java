package dev.hearth.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.testing.TestClock;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The throttle's memory: bounded whatever is thrown at it, and forgotten once the window and lock-out are over. */
class LoginThrottleTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));

    private LoginThrottle throttle(Path dir) {
        ConfigService config = TestConfig.sqlite(dir);
        return new LoginThrottle(config, clock);
    }

    @Test
    void aFloodOfNamesAndAddressesKeepsAtMostTheCap(@TempDir Path dir) {
        LoginThrottle t = throttle(dir);
        for (int i = 0; i < LoginThrottle.MAX_TRACKED * 3; i++) {
            t.failed("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), "name-" + i);
        }
        assertTrue(t.tracked() <= LoginThrottle.MAX_TRACKED, "tracked " + t.tracked());
    }

    @Test
    void entriesAreForgottenOnceTheWindowAndTheLockOutAreOver(@TempDir Path dir) {
        LoginThrottle t = throttle(dir);
        for (int i = 0; i < 5; i++) t.failed("10.0.0.1", "admin");
        assertTrue(t.lockedFor("10.0.0.1", "admin").isPresent());
        assertTrue(t.lockedFor("10.0.0.2", "admin").isEmpty(), "another address is not locked");
        assertEquals(2, t.tracked());
        clock.advance(Duration.ofMinutes(16));
        assertTrue(t.lockedFor("10.0.0.1", "admin").isEmpty());
        assertEquals(0, t.tracked(), "nothing is kept once the default 15m window and lock-out are over");
    }

    @Test
    void aSuccessClearsTheNameButNotTheAddress(@TempDir Path dir) {
        LoginThrottle t = throttle(dir);
        for (int i = 0; i < 19; i++) t.failed("10.0.0.3", "spray-" + i);
        t.succeeded("10.0.0.3", "mine");
        t.failed("10.0.0.3", "spray-x");
        assertTrue(
                t.lockedFor("10.0.0.3", "mine").isPresent(),
                "twenty failures lock the address, a success in between or not");
    }
}
