package dev.hearth.notify;

import dev.hearth.notify.internal.ChannelWorker;
import dev.hearth.notify.internal.Outbox;
import dev.hearth.notify.internal.QuietTime;
import dev.hearth.notify.internal.RateLimiter;
import dev.hearth.notify.internal.Secrets;
import dev.hearth.notify.internal.SharedLimiters;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.integration.KindContext;
import dev.hearth.platform.storage.Database;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every feature sends what the user should hear about: {@link #notify} collapses repeats, routes by each
 * channel's minimum level, holds non-critical messages through quiet hours, and writes one outbox row per
 * destination in one transaction; a sender per channel drains the outbox within the upstream's limits and
 * retries with backoff. What is pending at a stop is sent after the next start. Delivery is at least once:
 * a crash between an upstream's answer and the mark repeats that one message.
 */
@Singleton
public class NotificationService {
    private static final Duration KEEP = Duration.ofDays(7);
    private static final Duration TEST_WAIT = Duration.ofSeconds(15);

    /** A configured channel, ready to send. */
    private record Channel(ChannelConfig config, Notifier notifier, ChannelWorker worker, List<RateRule> limits) {}

    /** What {@link #notify} did: a new notification with its deliveries, or a repeat counted on an earlier one. */
    public record Routed(long notificationId, boolean collapsed, List<String> channels) {}

    private final Outbox outbox;
    private final Clock clock;
    private final Duration dedupWindow;
    private final NotifierKinds kinds;
    private final KindContext context;
    private final SharedLimiters limiters;
    /** Replaced whole when a channel is added or removed at run time, so senders and routing read a stable map. */
    private volatile Map<String, Channel> channels = Map.of();

    private boolean started;
    private final java.util.function.Supplier<List<NotificationTap>> taps;

    public NotificationService(
            Database db, ConfigService config, KindContext context, Clock clock, SharedLimiters limiters) {
        this(
                db,
                config.current().section(NotificationsConfig.class),
                NotifierKinds.load(config.plugins()),
                context,
                clock,
                limiters);
    }

    @jakarta.inject.Inject
    public NotificationService(
            Database db,
            ConfigService config,
            KindContext context,
            Clock clock,
            SharedLimiters limiters,
            jakarta.enterprise.inject.Instance<NotificationTap> taps) {
        // resolved on each use: a tap may depend on beans that depend on this service
        this(
                db,
                config.current().section(NotificationsConfig.class),
                NotifierKinds.load(config.plugins()),
                context,
                clock,
                limiters,
                () -> taps.stream().toList());
    }

    public NotificationService(
            Database db, NotificationsConfig config, NotifierKinds kinds, KindContext context, Clock clock) {
        this(db, config, kinds, context, clock, new SharedLimiters());
    }

    /** {@code limiters}: shared with the Telegram bot, whose replies count against the same bot's limits. */
    public NotificationService(
            Database db,
            NotificationsConfig config,
            NotifierKinds kinds,
            KindContext context,
            Clock clock,
            SharedLimiters limiters) {
        this(db, config, kinds, context, clock, limiters, List::of);
    }

    private NotificationService(
            Database db,
            NotificationsConfig config,
            NotifierKinds kinds,
            KindContext context,
            Clock clock,
            SharedLimiters limiters,
            java.util.function.Supplier<List<NotificationTap>> taps) {
        this.taps = taps;
        this.outbox = new Outbox(db);
        this.clock = clock;
        this.dedupWindow = config.dedupWindow();
        this.kinds = kinds;
        this.limiters = limiters;
        this.context = context;
        Map<String, Channel> made = new LinkedHashMap<>();
        for (ChannelConfig c : config.channels()) made.put(c.name(), channel(c));
        channels = made;
    }

    private Channel channel(ChannelConfig c) {
        NotifierKinds.Made made = kinds.make(c, context);
        RateLimiter limiter = limiters.forKey(made.limitKey(), made.limits());
        ChannelWorker worker =
                new ChannelWorker(c.name(), made.notifier(), limiter, outbox, clock, Secrets.of(made.settings()));
        return new Channel(c, made.notifier(), worker, made.limits());
    }

    /** Adds a channel at run time (its settings checked by the caller, as the file's are at start); it sends at once. */
    synchronized void addChannel(ChannelConfig c) {
        if (channels.containsKey(c.name())) throw new IllegalStateException("channel " + c.name() + " exists");
        Channel made = channel(c);
        Map<String, Channel> next = new LinkedHashMap<>(channels);
        next.put(c.name(), made);
        channels = next;
        if (started) made.worker().start(longestWindow(made.limits()));
    }

    /** Stops and forgets a channel added at run time; what it had pending stays in the outbox, unsent. */
    synchronized void removeChannel(String name) {
        Channel gone = channels.get(name);
        if (gone == null) return;
        Map<String, Channel> next = new LinkedHashMap<>(channels);
        next.remove(name);
        channels = next;
        gone.worker().stop();
    }

    void onStart(@Observes StartupEvent ignored) {
        start();
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stop();
    }

    /** Starts a sender per channel; they resume whatever is pending. */
    public synchronized void start() {
        outbox.forgetDeliveredBefore(clock.millis() - KEEP.toMillis());
        started = true;
        channels.values().forEach(c -> c.worker().start(longestWindow(c.limits())));
    }

    /** Stops the senders after the messages in flight; pending ones stay in the outbox. */
    public synchronized void stop() {
        started = false;
        channels.values().forEach(c -> c.worker().stop());
    }

    /** Routes one notification to every channel that takes its level. Safe to call from any thread and feature. */
    public Routed notify(Notification n) {
        return notify(n, type -> true);
    }

    /** As {@link #notify(Notification)}, to the channels whose type {@code types} admits (alerts off e-mail, when the seed's setting says so). */
    public Routed notify(Notification n, java.util.function.Predicate<String> types) {
        long now = clock.millis();
        Map<String, Channel> channels = this.channels; // one snapshot for the routing and the wake-up
        Routed routed = outbox.db().inTransaction(() -> {
            if (!dedupWindow.isZero()) {
                var earlier = outbox.recent(n.dedupKey(), n.level(), now - dedupWindow.toMillis());
                if (earlier.isPresent()) {
                    outbox.countRepeat(earlier.get(), now);
                    return new Routed(earlier.get(), true, List.of());
                }
            }
            long id = outbox.add(n, now);
            for (NotificationTap tap : taps.get()) tap.raised(n);
            List<String> used = new ArrayList<>();
            for (Channel c : channels.values()) {
                Level min = Level.find(c.config().minLevel()).orElse(Level.INFO);
                if (!n.level().atLeast(min) || !types.test(c.config().type())) continue;
                if (!c.config().sources().isEmpty() && !c.config().sources().contains(n.source())) continue;
                long notBefore = QuietTime.releaseAt(c.config().quietHours(), n.level(), Instant.ofEpochMilli(now))
                        .toEpochMilli();
                for (String dest : c.notifier().destinations())
                    outbox.addDelivery(id, c.config().name(), dest, now, notBefore);
                used.add(c.config().name());
            }
            return new Routed(id, false, used);
        });
        routed.channels().forEach(name -> {
            Channel c = channels.get(name);
            if (c != null) c.worker().wake();
        });
        return routed;
    }

    /**
     * Sends a test message to one channel, past its minimum level, quiet hours and de-duplication but within its
     * rate limits, and waits up to 15 s for the outcome of every destination.
     */
    public List<Delivery> sendTest(String channel, String requestedBy) {
        Channel c = channels.get(channel);
        if (c == null) throw new IllegalArgumentException(channel);
        long now = clock.millis();
        Notification n = new Notification(
                Level.INFO,
                "Hearth test notification",
                "This is a test from Hearth, sent by " + requestedBy + " to channel '" + channel + "'.",
                "notifications.test",
                "notifications.test:" + channel + ":" + now,
                Instant.ofEpochMilli(now));
        long id = outbox.db().inTransaction(() -> {
            long nid = outbox.add(n, now);
            for (String dest : c.notifier().destinations()) outbox.addDelivery(nid, channel, dest, now, now);
            return nid;
        });
        c.worker().wake();
        long deadline = System.nanoTime() + TEST_WAIT.toNanos();
        List<Delivery> result = outbox.deliveriesOf(id);
        while (result.stream().anyMatch(d -> d.status() == Delivery.Status.PENDING && d.attempts() == 0)
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            result = outbox.deliveriesOf(id);
        }
        return result;
    }

    /** Makes every sender look at the outbox now (tests that move the clock). */
    void wakeAll() {
        channels.values().forEach(c -> c.worker().wake());
    }

    public List<String> channelNames() {
        return List.copyOf(channels.keySet());
    }

    public long pending(String channel) {
        return outbox.pending(channel);
    }

    public List<Delivery> deliveries(List<Delivery.Status> statuses, int limit, int offset) {
        return outbox.list(statuses, limit, offset);
    }

    public long countDeliveries(List<Delivery.Status> statuses) {
        return outbox.count(statuses);
    }

    private static Duration longestWindow(List<RateRule> rules) {
        return rules.stream()
                .map(r -> switch (r) {
                    case RateRule.Spacing s -> s.gap();
                    case RateRule.PerDestination w -> w.per();
                    case RateRule.Overall o -> o.per();
                })
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }
}
