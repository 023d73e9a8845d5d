package dev.hearth.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.TestClock;
import dev.hearth.testing.TestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limiter's memory: a flood of addresses is bounded, a new minute starts empty, long names are hashed. */
class RateLimiterTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:05Z"));

    private RateLimiter limiter(Path dir) {
        return new RateLimiter(TestConfig.with(dir, Map.of("hearth.rate_limits.default_per_minute", "3")), clock);
    }

    @Test
    void aFloodOfAddressesSharesOneBucketPastTheCapAndKeysAreStillCountedAlone(@TempDir Path dir) {
        RateLimiter r = limiter(dir);
        for (int i = 0; i < RateLimiter.MAX_ADDRESSES + 5000; i++)
            r.check("addr:10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255), "/api/v1/status");
        assertTrue(r.tracked() <= RateLimiter.MAX_ADDRESSES + 1, "tracked " + r.tracked());
        assertFalse(
                r.check("addr:192.0.2.200", "/api/v1/status").allowed(),
                "past the cap, new addresses share the overflow bucket");
        assertTrue(r.check("key:7", "/api/v1/status").allowed(), "a key is counted alone");
    }

    @Test
    void aNewMinuteStartsEmpty(@TempDir Path dir) {
        RateLimiter r = limiter(dir);
        for (int i = 0; i < 3; i++) assertTrue(r.check("addr:192.0.2.1", "/x").allowed());
        assertFalse(r.check("addr:192.0.2.1", "/x").allowed());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(r.check("addr:192.0.2.1", "/x").allowed());
        assertEquals(1, r.tracked());
    }

    @Test
    void aLongClientNameIsKeptAsItsHash(@TempDir Path dir) {
        RateLimiter r = limiter(dir);
        String huge = "proxy:" + "u".repeat(100_000);
        for (int i = 0; i < 3; i++) assertTrue(r.check(huge, "/x").allowed());
        assertFalse(r.check(huge, "/x").allowed(), "still counted as one client");
    }
}
