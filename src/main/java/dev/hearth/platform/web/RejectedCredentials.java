package dev.hearth.platform.web;

import dev.hearth.platform.logging.LogValues;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Logs requests refused for a bad key, bearer or proxy secret, sampled: per address and minute the 1st,
 * 10th, 100th… rejection is a line, so someone guessing keys shows in the log without writing it for
 * them. At most {@link #MAX_ADDRESSES} addresses are told apart in a minute; past that the rest share one
 * count.
 */
@Singleton
public class RejectedCredentials {
    private static final Logger LOG = Logger.getLogger(RejectedCredentials.class);
    static final int MAX_ADDRESSES = 1024;
    private static final long MINUTE = 60_000;

    private record Minute(long start, Map<String, AtomicInteger> counts) {}

    private final Clock clock;
    private volatile Minute minute = new Minute(-1, Map.of());

    public RejectedCredentials(Clock clock) {
        this.clock = clock;
    }

    public void rejected(String address, String reason) {
        long now = clock.millis();
        long start = now - now % MINUTE;
        Minute m = minute;
        if (m.start() != start) {
            synchronized (this) {
                if (minute.start() != start) minute = new Minute(start, new ConcurrentHashMap<>());
                m = minute;
            }
        }
        String who =
                m.counts().size() >= MAX_ADDRESSES && !m.counts().containsKey(address) ? "other addresses" : address;
        int n = m.counts().computeIfAbsent(who, k -> new AtomicInteger()).incrementAndGet();
        if (n == 1 || n == 10 || n == 100 || n == 1000 || n % 10_000 == 0) {
            LOG.warnf("Rejected credentials from %s (%d in this minute): %s", LogValues.safe(who), n, reason);
        }
    }
}
