package dev.hearth.platform.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.scheduler.Scheduler;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Real-time fan-out: features {@link #publish} to a channel, every client subscribed to it gets the
 * message. A message is turned into text once per wire format, not once per client. Each client may
 * have at most {@code monitoring.live.send_queue} messages unsent; one more and it is closed with 1013
 * (try again later) and counted, so one slow reader never holds up the others or fills the heap.
 * One caller may hold at most {@code monitoring.live.max_sockets_per_caller} sockets, each with at most
 * {@code monitoring.live.max_subscriptions} keys; and every few seconds each socket's credential is asked
 * again, so a socket whose key was revoked or expired, or whose session logged out, is closed (1008)
 * within {@link #SWEEP_EVERY}.
 */
@Singleton
public class LiveHub {
    private static final Logger LOG = Logger.getLogger(LiveHub.class);
    public static final int TRY_AGAIN_LATER = 1013;
    public static final int POLICY_VIOLATION = 1008;
    public static final Duration SWEEP_EVERY = Duration.ofSeconds(3);

    /** The connection under a client, as the WebSocket door gives it. */
    public interface Sink {
        /** Sends without blocking; the stage completes when the text is written out. */
        CompletionStage<?> send(String text);

        void close(int code, String reason);
    }

    /** {@code ENVELOPE}: /ws, {"type","channel","data"}; {@code SEED}: /monitoring, {"type","data"} as Monsterr sends. */
    public enum Format {
        ENVELOPE,
        SEED
    }

    /** One connected client and what it subscribed to. */
    public final class Client {
        private final Sink sink;
        private final Format format;
        private final String callerId;
        private final BooleanSupplier stillValid;
        /** channel → keys; an empty set means every key of the channel. */
        private final Map<String, Set<String>> subscriptions = new ConcurrentHashMap<>();

        private final AtomicInteger unsent = new AtomicInteger();
        private volatile boolean open = true;

        private Client(Sink sink, Format format, String callerId, BooleanSupplier stillValid) {
            this.sink = sink;
            this.format = format;
            this.callerId = callerId;
            this.stillValid = stillValid;
        }

        /**
         * Subscribes to a channel, or to one key of it (one task of task_updates); null key: all.
         * @throws IllegalStateException past {@code max_subscriptions} keys on this socket
         */
        public void subscribe(String channel, @Nullable String key) {
            if (!channels.containsKey(channel))
                throw new IllegalArgumentException("unknown channel '" + channel + "' (known: " + channels() + ")");
            if (key == null) {
                subscriptions.put(channel, ConcurrentHashMap.newKeySet());
                return;
            }
            Set<String> keys = subscriptions.get(channel);
            if (keys == null) {
                if (subscribedKeys() >= maxSubscriptions) throw tooMany();
                keys = ConcurrentHashMap.newKeySet();
                keys.add(key);
                subscriptions.put(channel, keys);
            } else if (!keys.isEmpty() && !keys.contains(key)) {
                if (subscribedKeys() >= maxSubscriptions) throw tooMany();
                keys.add(key); // an empty set already means every key
            }
        }

        private int subscribedKeys() {
            int n = 0;
            for (Set<String> keys : subscriptions.values()) n += Math.max(1, keys.size());
            return n;
        }

        private IllegalStateException tooMany() {
            return new IllegalStateException("too many subscriptions on this socket (at most " + maxSubscriptions
                    + "): subscribe to the whole channel instead of single keys");
        }

        public void unsubscribe(String channel) {
            subscriptions.remove(channel);
        }

        public Set<String> channels() {
            return Set.copyOf(subscriptions.keySet());
        }

        boolean wants(String channel, @Nullable String key) {
            Set<String> keys = subscriptions.get(channel);
            return keys != null && (keys.isEmpty() || key != null && keys.contains(key));
        }

        /** Sends one text to this client alone (a reply to its own request). */
        public void reply(String text) {
            offer(this, text);
        }
    }

    private final ObjectMapper json;
    private final int maxUnsent;
    private final int maxSocketsPerCaller;
    private final int maxSubscriptions;
    private final Map<String, LiveChannel> channels = new java.util.TreeMap<>();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong published = new AtomicLong();

    @jakarta.inject.Inject
    public LiveHub(
            ObjectMapper json,
            ConfigService config,
            Scheduler scheduler,
            jakarta.enterprise.inject.Instance<LiveChannels> contributed) {
        this(
                json,
                config.current().section(LiveSettings.class),
                contributed.stream().flatMap(c -> c.liveChannels().stream()).toList());
        scheduler.every("live-credentials", SWEEP_EVERY, this::sweep);
    }

    public LiveHub(ObjectMapper json, int maxUnsent, java.util.List<LiveChannel> channels) {
        this(json, new LiveSettings(maxUnsent, Duration.ofMinutes(1), 1000, 100_000), channels);
    }

    public LiveHub(ObjectMapper json, LiveSettings limits, java.util.List<LiveChannel> channels) {
        this.json = json;
        this.maxUnsent = limits.sendQueue();
        this.maxSocketsPerCaller = limits.maxSocketsPerCaller();
        this.maxSubscriptions = limits.maxSubscriptions();
        channels.forEach(c -> {
            if (this.channels.putIfAbsent(c.name(), c) != null)
                throw new IllegalStateException("live channel contributed twice: " + c.name());
        });
    }

    /** The channels features contribute, by name. */
    public Set<String> channels() {
        return java.util.Collections.unmodifiableSet(channels.keySet());
    }

    /** A client for no one in particular, whose credential never lapses (tests, in-process listeners). */
    public Client connect(Sink sink, Format format) {
        return connect(sink, format, "", () -> true).orElseThrow();
    }

    /**
     * A client for a caller, unless that caller holds {@code max_sockets_per_caller} sockets already.
     * {@code stillValid} is asked every {@link #SWEEP_EVERY}; once it says no, the socket is closed.
     */
    public java.util.Optional<Client> connect(Sink sink, Format format, String callerId, BooleanSupplier stillValid) {
        if (!callerId.isEmpty()) {
            boolean[] admitted = {false};
            perCaller.compute(callerId, (k, n) -> {
                AtomicInteger count = n == null ? new AtomicInteger() : n;
                if (count.get() < maxSocketsPerCaller) {
                    count.incrementAndGet();
                    admitted[0] = true;
                }
                return count;
            });
            if (!admitted[0]) return java.util.Optional.empty();
        }
        Client c = new Client(sink, format, callerId, stillValid);
        clients.add(c);
        return java.util.Optional.of(c);
    }

    /** Whether the caller may open one more socket now. */
    public boolean mayConnect(String callerId) {
        AtomicInteger open = perCaller.get(callerId);
        return open == null || open.get() < maxSocketsPerCaller;
    }

    public void disconnect(Client c) {
        c.open = false;
        if (clients.remove(c) && !c.callerId.isEmpty()) {
            perCaller.computeIfPresent(c.callerId, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    /** Closes the sockets whose credential no longer holds (revoked or expired key, ended session). */
    public int sweep() {
        int closed = 0;
        for (Client c : clients) {
            boolean valid;
            try {
                valid = c.stillValid.getAsBoolean();
            } catch (RuntimeException e) {
                valid = false;
            }
            if (!valid) {
                disconnect(c);
                c.sink.close(POLICY_VIOLATION, "credential revoked, expired or logged out");
                closed++;
            }
        }
        if (closed > 0) LOG.infof("Closed %d live socket(s) whose credential no longer holds", closed);
        return closed;
    }

    /**
     * Sends {@code payload} to every client subscribed to {@code channel} (and to {@code key}, for channels
     * with keys such as task_updates, whose key is the task id). Safe from any thread; never blocks.
     */
    public void publish(String channel, @Nullable String key, Object payload) {
        LiveChannel declared = channels.get(channel);
        if (declared == null) throw new IllegalArgumentException("unknown channel '" + channel + "'");
        published.incrementAndGet();
        String envelope = null, seed = null;
        for (Client c : clients) {
            if (!c.wants(channel, key)) continue;
            String text;
            if (c.format == Format.SEED) {
                text = seed != null ? seed : (seed = write(message(declared, key, payload, false)));
            } else {
                text = envelope != null ? envelope : (envelope = write(message(declared, key, payload, true)));
            }
            offer(c, text);
        }
    }

    private void offer(Client c, String text) {
        if (!c.open) return;
        if (c.unsent.incrementAndGet() > maxUnsent) {
            dropped.incrementAndGet();
            disconnect(c);
            LOG.infof("Dropped a slow live client: %d messages unsent", maxUnsent);
            c.sink.close(TRY_AGAIN_LATER, "too slow: " + maxUnsent + " messages unsent");
            return;
        }
        c.sink.send(text).whenComplete((ok, failure) -> {
            c.unsent.decrementAndGet();
            if (failure != null) disconnect(c);
        });
    }

    private static Map<String, Object> message(
            LiveChannel channel, @Nullable String key, Object payload, boolean envelope) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", channel.seedType());
        if (envelope) m.put("channel", channel.name());
        if (key != null) channel.keyFields().forEach(field -> m.put(field, key));
        m.put("data", payload);
        return m;
    }

    /** Text of a reply that is not a channel message (subscribed, error). */
    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("live message is not JSON-writable: " + e.getMessage(), e);
        }
    }

    public int clients() {
        return clients.size();
    }

    /** Clients closed for being too slow, since start. */
    public long dropped() {
        return dropped.get();
    }

    public long published() {
        return published.get();
    }
}
