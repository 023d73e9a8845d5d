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
    private static final long IN_FLIGHT_RECHECK_MS = 50;

    private final List<RateRule> rules;
    private final Map<String, Long> last = new HashMap<>();
    private final Map<String, Deque<Long>> windows = new HashMap<>();
    /** Sends begun with {@link #tryBegin} and not yet ended, per destination: another sender waits for them. */
    private final Map<String, Integer> inFlight = new HashMap<>();

    private long blockedUntil;

    public RateLimiter(List<RateRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The earliest epoch millisecond at which {@code destination} may be sent to; {@code now} or later. */
    public synchronized long readyAt(String destination, long now) {
        long ready = Math.max(now, blockedUntil);
        // Another sender's message to this destination is on its way: its end starts the next gap.
        if (inFlight.containsKey(destination)) ready = Math.max(ready, now + IN_FLIGHT_RECHECK_MS);
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

    /**
     * Claims the turn of {@code destination} when it is due now; true means the caller sends and then calls
     * {@link #sent}. Needed when several senders share a limiter (the notification channels and the Telegram bot):
     * between one's {@link #readyAt} and its send, another could start too.
     */
    public synchronized boolean tryBegin(String destination, long now) {
        if (readyAt(destination, now) > now) return false;
        inFlight.merge(destination, 1, Integer::sum);
        return true;
    }

    /** A turn claimed with {@link #tryBegin} but not used: nothing was sent. */
    public synchronized void abandon(String destination) {
        inFlight.computeIfPresent(destination, (d, n) -> n > 1 ? n - 1 : null);
    }

    /** A send to {@code destination} ended at {@code at}, whatever its outcome: the upstream counted it. */
    public synchronized void sent(String destination, long at) {
        inFlight.computeIfPresent(destination, (d, n) -> n > 1 ? n - 1 : null);
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
