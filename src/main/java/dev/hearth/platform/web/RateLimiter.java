package dev.hearth.platform.web;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed one-minute windows per client and route group. The group is the longest configured path prefix
 * that matches; the rest share {@code default_per_minute}. Clients are keys or users when known, else addresses.
 */
@Singleton
public class RateLimiter {
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {}

    private record Window(long startMillis, int count) {}

    private static final long WINDOW_MILLIS = 60_000;
    private final ConfigService config;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(ConfigService config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Decision check(String client, String path) {
        HearthConfig.RateLimits limits = config.current().rateLimits();
        String group = "default";
        int limit = limits.defaultPerMinute();
        int longest = -1;
        for (Map.Entry<String, HearthConfig.RateLimitGroup> g : limits.groups().entrySet()) {
            String prefix = g.getValue().pathPrefix();
            if (path.startsWith(prefix) && prefix.length() > longest) {
                longest = prefix.length();
                group = g.getKey();
                limit = g.getValue().perMinute();
            }
        }
        long now = clock.millis();
        long windowStart = now - now % WINDOW_MILLIS;
        Window w = windows.compute(group + "|" + client, (k, old) ->
                old == null || old.startMillis() != windowStart ? new Window(windowStart, 1) : new Window(windowStart, old.count() + 1));
        if (windows.size() > 10_000) {
            windows.values().removeIf(x -> x.startMillis() < windowStart);
        }
        long reset = Math.max(1, (windowStart + WINDOW_MILLIS - now + 999) / 1000);
        return new Decision(w.count() <= limit, limit, Math.max(0, limit - w.count()), reset);
    }
}
