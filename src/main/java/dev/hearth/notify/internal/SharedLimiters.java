package dev.hearth.notify.internal;

import dev.hearth.notify.RateRule;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link RateLimiter} per upstream limit key ({@code telegram:bot<id>}) for the whole application, so every
 * sender of one upstream account (the notification channels of one bot, and that bot's chat replies) draws on the
 * same allowance: Telegram counts per bot, not per Hearth feature.
 */
@Singleton
public class SharedLimiters {
    private final Map<String, RateLimiter> limiters = new HashMap<>();

    public synchronized RateLimiter forKey(String key, List<RateRule> rules) {
        return limiters.computeIfAbsent(key, k -> new RateLimiter(rules));
    }
}
