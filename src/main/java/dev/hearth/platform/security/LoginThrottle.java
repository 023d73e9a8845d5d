package dev.hearth.platform.security;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code max_failures} failed logins within {@code window}, from one
 * address or for one user name, further attempts are refused for {@code lockout}, right or wrong.
 */
@Singleton
public class LoginThrottle {
    private final ConfigService config;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    public LoginThrottle(ConfigService config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** How long the caller must wait, if locked out. */
    public Optional<Duration> lockedFor(String address, String username) {
        Instant now = clock.instant();
        return java.util.stream.Stream.of("addr:" + address, "user:" + username)
                .map(lockedUntil::get)
                .filter(until -> until != null && now.isBefore(until))
                .map(until -> Duration.between(now, until))
                .max(Duration::compareTo);
    }

    public void failed(String address, String username) {
        HearthConfig.Login rules = config.current().security().login();
        Instant now = clock.instant();
        for (String key : new String[] {"addr:" + address, "user:" + username}) {
            Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (recent) {
                recent.addLast(now);
                while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(rules.window()))) recent.removeFirst();
                if (recent.size() >= rules.maxFailures()) {
                    lockedUntil.put(key, now.plus(rules.lockout()));
                    recent.clear();
                }
            }
        }
    }

    public void succeeded(String address, String username) {
        failures.remove("addr:" + address);
        failures.remove("user:" + username);
    }
}
