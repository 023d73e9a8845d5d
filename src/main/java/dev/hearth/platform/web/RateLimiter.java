package dev.hearth.platform.web;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.security.Tokens;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Fixed one-minute windows per client and route group. The group is the longest configured path prefix
 * that matches; the rest share {@code default_per_minute}. Clients are keys or users when known, else addresses.
 *
 * <p>O(1) a request and bounded: the counts of one window live in one map, dropped whole when the next
 * minute starts. At most {@link #MAX_ADDRESSES} addresses are counted one by one in a window; past that
 * (a flood from many addresses) further new addresses share one bucket per group, limited like one
 * client, so a flood can neither grow the heap nor go unlimited. Keys and users are few and always
 * counted alone, so a flood from addresses does not hold back the owner's key. Client names longer than
 * {@link #MAX_KEY} are kept as their hash.
 */
@Singleton
public class RateLimiter {
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {}

    static final int MAX_ADDRESSES = 20_000;
    static final int MAX_KEY = 160;
    private static final long WINDOW_MILLIS = 60_000;

    private record Group(String name, String prefix, int limit) {}

    private record Groups(HearthConfig.@Nullable RateLimits source, List<Group> longestFirst) {}

    private static final class Window {
        final long start;
        final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        final AtomicInteger addresses = new AtomicInteger();

        Window(long start) {
            this.start = start;
        }
    }

    private final ConfigService config;
    private final Clock clock;
    private volatile Window window = new Window(-1);
    private volatile Groups groups = new Groups(null, List.of());

    public RateLimiter(ConfigService config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** @param client a caller id, or {@code addr:} and an address for anonymous and rejected callers */
    public Decision check(String client, String path) {
        HearthConfig.RateLimits limits = config.current().rateLimits();
        String group = "default";
        int limit = limits.defaultPerMinute();
        for (Group g : groups(limits)) {
            if (path.startsWith(g.prefix())) {
                group = g.name();
                limit = g.limit();
                break;
            }
        }
        long now = clock.millis();
        Window w = current(now - now % WINDOW_MILLIS);
        String key = group + "|" + (client.length() > MAX_KEY ? "h:" + Tokens.sha256(client) : client);
        AtomicInteger count = w.counts.get(key);
        if (count == null) {
            boolean address = client.startsWith("addr:");
            if (address && w.addresses.get() >= MAX_ADDRESSES) key = group + "|addr:overflow";
            count = w.counts.computeIfAbsent(key, k -> {
                if (address) w.addresses.incrementAndGet();
                return new AtomicInteger();
            });
        }
        int n = count.incrementAndGet();
        long reset = Math.max(1, (w.start + WINDOW_MILLIS - now + 999) / 1000);
        return new Decision(n <= limit, limit, Math.max(0, limit - n), reset);
    }

    /** How many clients the current window counts (for tests of the bound). */
    int tracked() {
        return window.counts.size();
    }

    private Window current(long start) {
        Window w = window;
        if (w.start == start) return w;
        synchronized (this) {
            if (window.start != start) window = new Window(start);
            return window;
        }
    }

    private List<Group> groups(HearthConfig.RateLimits limits) {
        Groups g = groups;
        if (g.source() != limits) {
            g = new Groups(
                    limits,
                    limits.groups().entrySet().stream()
                            .map(e -> new Group(
                                    e.getKey(),
                                    e.getValue().pathPrefix(),
                                    e.getValue().perMinute()))
                            .sorted(Comparator.comparingInt(
                                            (Group x) -> x.prefix().length())
                                    .reversed())
                            .toList());
            groups = g;
        }
        return g.longestFirst();
    }
}
