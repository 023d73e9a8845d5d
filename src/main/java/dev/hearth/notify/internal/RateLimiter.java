package dev.hearth.notify.internal;

import dev.hearth.notify.RateRule;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pace of one channel: answers when a destination may next be sent to under every {@link RateRule},
 * and learns from each send. Sends are recorded when they end (the answer came back), and the next may start
 * only after that, so a spacing kept here is also kept where the upstream measures arrivals.
 * Shared by the senders of channels with one {@link dev.hearth.notify.NotifierKind#limitKey}, hence synchronized.
 */
public final class RateLimiter {
    private static final String OVERALL = "\u0000overall";

    private final List<RateRule> rules;
    private final Map<String, Long> last = new HashMap<>();
    private final Map<String, Deque<Long>> windows = new HashMap<>();
    private long blockedUntil;

    public RateLimiter(List<RateRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The earliest epoch millisecond at which {@code destination} may be sent to; {@code now} or later. */
    public synchronized long readyAt(String destination, long now) {
        long ready = Math.max(now, blockedUntil);
        for (RateRule rule : rules) {
            ready = Math.max(
                    ready,
                    switch (rule) {
                        case RateRule.Spacing s ->
                            s.destinations().test(destination) && last.containsKey(destination)
                                    ? last.get(destination) + s.gap().toMillis()
                                    : now;
                        case RateRule.PerDestination w ->
                            w.destinations().test(destination)
                                    ? windowReady(destination, w.max(), w.per().toMillis(), now)
                                    : now;
                        case RateRule.Overall o ->
                            windowReady(OVERALL, o.max(), o.per().toMillis(), now);
                    });
        }
        return ready;
    }

    /** A send to {@code destination} ended at {@code at}, whatever its outcome: the upstream counted it. */
    public synchronized void sent(String destination, long at) {
        last.merge(destination, at, Math::max);
        windows.computeIfAbsent(destination, d -> new ArrayDeque<>()).addLast(at);
        windows.computeIfAbsent(OVERALL, d -> new ArrayDeque<>()).addLast(at);
        long longest = rules.stream()
                .mapToLong(r -> switch (r) {
                    case RateRule.Spacing s -> 0;
                    case RateRule.PerDestination w -> w.per().toMillis();
                    case RateRule.Overall o -> o.per().toMillis();
                })
                .max()
                .orElse(0);
        windows.values().forEach(q -> {
            while (!q.isEmpty() && q.peekFirst() < at - longest) q.removeFirst();
        });
    }

    /** The upstream said to wait (Telegram blocks the whole bot after a 429): nothing goes out before {@code until}. */
    public synchronized void blockUntil(long until) {
        blockedUntil = Math.max(blockedUntil, until);
    }

    private long windowReady(String key, int max, long perMs, long now) {
        Deque<Long> q = windows.get(key);
        if (q == null) return now;
        long inWindow = q.stream().filter(t -> t > now - perMs).count();
        if (inWindow < max) return now;
        // The max-th most recent send must leave the window first.
        Long[] times = q.toArray(Long[]::new);
        return times[times.length - max] + perMs;
    }
}
