package dev.hearth.dns.cloudflare;

import dev.hearth.dns.DnsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Cloudflare allows 1,200 API calls per user in any 5 minutes, and answers 429 past it, blocking every call
 * for the next 5 minutes. Hearth keeps its own count under a budget (a sliding window): a call over it waits
 * for the oldest to leave the window, if that comes within the call's own time; and after a 429 every call fails
 * at once until the {@code Retry-After} has passed, rather than prolonging the block.
 */
public final class RequestBudget {
    /** How a call waits for its slot; tests pass one that moves their clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Instant> calls = new ArrayDeque<>();
    private Instant blockedUntil = Instant.EPOCH;

    public RequestBudget(int limit, Duration window, Clock clock, Sleeper sleeper) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Takes a slot for one call, waiting at most {@code maxWait} for it. */
    public void acquire(Duration maxWait) {
        Instant deadline = clock.instant().plus(maxWait);
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                if (now.isBefore(blockedUntil)) {
                    long s = Math.max(1, Duration.between(now, blockedUntil).toSeconds());
                    throw new DnsException(
                            DnsException.Kind.RATE_LIMITED,
                            "Cloudflare refused calls for going over its rate limit; " + "Hearth waits " + s
                                    + " s before the next one",
                            s);
                }
                while (!calls.isEmpty() && !calls.peekFirst().isAfter(now.minus(window))) calls.pollFirst();
                if (calls.size() < limit) {
                    calls.addLast(now);
                    return;
                }
                Instant free = calls.peekFirst().plus(window);
                if (free.isAfter(deadline)) {
                    long s = Math.max(1, Duration.between(now, free).toSeconds());
                    throw new DnsException(
                            DnsException.Kind.RATE_LIMITED,
                            "Hearth's budget of " + limit + " Cloudflare calls per " + window.toMinutes()
                                    + " minutes is used up; the next slot frees in " + s + " s",
                            s);
                }
                wait = Duration.between(now, free).plusMillis(1);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DnsException(
                        DnsException.Kind.UNAVAILABLE, "interrupted while waiting for a Cloudflare call slot");
            }
        }
    }

    /** Cloudflare answered 429: no call until {@code retryAfter} has passed. */
    public synchronized void block(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(blockedUntil)) blockedUntil = until;
    }

    /** Calls counted in the current window. */
    public synchronized int used() {
        Instant now = clock.instant();
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(now.minus(window))) calls.pollFirst();
        return calls.size();
    }
}
