package dev.hearth.notify.internal;

import dev.hearth.notify.Notifier;
import dev.hearth.notify.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Drains one channel's outbox on its own virtual thread, so a slow SMTP server never holds up Telegram.
 * Each destination is served oldest first; a delivery goes out only when the channel's {@link RateLimiter}
 * allows it, otherwise it waits in the outbox (queued, never dropped). Progress is written after every
 * message, so a stop (or crash) between messages resumes where it was.
 */
public final class ChannelWorker {
    private static final Logger LOG = Logger.getLogger(ChannelWorker.class);
    /** About an hour and a half of backoff in all; then the delivery is marked failed and shown in the outbox. */
    static final int MAX_ATTEMPTS = 12;

    private static final long IDLE_POLL_MS = 5_000;

    private final String channel;
    private final Notifier notifier;
    private final RateLimiter limiter;
    private final Outbox outbox;
    private final Clock clock;
    private final Secrets secrets;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile @org.jspecify.annotations.Nullable Thread thread;

    public ChannelWorker(
            String channel, Notifier notifier, RateLimiter limiter, Outbox outbox, Clock clock, Secrets secrets) {
        this.channel = channel;
        this.notifier = notifier;
        this.limiter = limiter;
        this.outbox = outbox;
        this.clock = clock;
        this.secrets = secrets;
    }

    public synchronized void start(Duration longestWindow) {
        if (running) return;
        // The pace survives a restart: sends of the last window count as if this worker had made them.
        long now = clock.millis();
        outbox.recentSends(channel, now - Math.max(longestWindow.toMillis(), 1000))
                .forEach((dest, times) -> times.forEach(t -> limiter.sent(dest, t)));
        running = true;
        thread = Thread.ofVirtual().name("notify-" + channel).start(this::loop);
    }

    /** Stops after the message in flight, if any, has its answer and is marked. */
    public synchronized void stop() {
        running = false;
        wake.release();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                long sleep = drainOnce();
                if (sleep > 0) {
                    wake.tryAcquire(sleep, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf(
                        "Notification channel %s: sending failed, retrying: %s",
                        channel, secrets.scrub(String.valueOf(e.getMessage())));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Sends at most one delivery; answers how long to wait before looking again (0: look at once). */
    long drainOnce() {
        long now = clock.millis();
        // The oldest due delivery of each destination: a split message and a chat's messages stay in order.
        List<Outbox.Due> due = outbox.due(channel, now, 1000);
        long earliest = Long.MAX_VALUE;
        for (Outbox.Due d : due) {
            long ready = limiter.readyAt(d.destination(), now);
            if (ready <= now) {
                deliver(d);
                return 0;
            }
            earliest = Math.min(earliest, ready);
        }
        long next = outbox.nextDue(channel).filter(t -> t > now).orElse(Long.MAX_VALUE);
        return Math.max(1, Math.min(Math.min(earliest, next), now + IDLE_POLL_MS) - now);
    }

    private void deliver(Outbox.Due d) {
        List<String> parts = notifier.render(d.notification());
        for (int i = d.partsSent(); i < parts.size(); i++) {
            if (i > d.partsSent() && !waitForTurn(d.destination())) return;
            Outcome outcome;
            try {
                outcome = notifier.send(d.destination(), d.notification(), parts.get(i));
            } catch (RuntimeException e) {
                outcome = new Outcome.Transient(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            long end = clock.millis();
            limiter.sent(d.destination(), end);
            switch (outcome) {
                case Outcome.Sent s -> outbox.partSent(d.id(), i + 1, end, i + 1 == parts.size());
                case Outcome.Throttled t -> {
                    // Telegram blocks the whole bot after a 429; waiting is not a failure, so it does not count as an
                    // attempt.
                    limiter.blockUntil(end + t.retryAfter().toMillis());
                    outbox.retryAt(
                            d.id(),
                            d.attempts(),
                            end,
                            end + t.retryAfter().toMillis(),
                            "rate limited by the upstream; waiting "
                                    + t.retryAfter().toMillis() + " ms");
                    return;
                }
                case Outcome.Transient t -> {
                    int attempts = d.attempts() + 1;
                    String reason = secrets.scrub(t.reason());
                    if (attempts >= MAX_ATTEMPTS) {
                        LOG.warnf(
                                "Notification channel %s: giving up on delivery %d after %d attempts: %s",
                                channel, d.id(), attempts, reason);
                        outbox.failed(d.id(), attempts, end, reason);
                    } else {
                        outbox.retryAt(
                                d.id(),
                                attempts,
                                end,
                                end + Outbox.backoff(attempts).toMillis(),
                                reason);
                    }
                    return;
                }
                case Outcome.Permanent p -> {
                    String reason = secrets.scrub(p.reason());
                    LOG.warnf("Notification channel %s: delivery %d failed: %s", channel, d.id(), reason);
                    outbox.failed(d.id(), d.attempts() + 1, end, reason);
                    return;
                }
            }
        }
    }

    /** Waits for the next part's turn; false when stopping (the progress so far is stored and resumes later). */
    private boolean waitForTurn(String destination) {
        while (running) {
            long now = clock.millis();
            long ready = limiter.readyAt(destination, now);
            if (ready <= now) return true;
            try {
                Thread.sleep(ready - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
