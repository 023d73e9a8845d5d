package dev.hearth.platform.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigService;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Real-time fan-out: features {@link #publish} to a channel, every client subscribed to it gets the
 * message. A message is turned into text once per wire format, not once per client. Each client may
 * have at most {@code monitoring.live.send_queue} messages unsent; one more and it is closed with 1013
 * (try again later) and counted, so one slow reader never holds up the others or fills the heap.
 */
@Singleton
public class LiveHub {
    private static final Logger LOG = Logger.getLogger(LiveHub.class);
    public static final int TRY_AGAIN_LATER = 1013;

    /** The connection under a client, as the WebSocket door gives it. */
    public interface Sink {
        /** Sends without blocking; the stage completes when the text is written out. */
        CompletionStage<?> send(String text);

        void close(int code, String reason);
    }

    /** {@code ENVELOPE}: /ws, {"type","channel","data"}; {@code SEED}: /monitoring, {"type","data"} as Monsterr sends. */
    public enum Format { ENVELOPE, SEED }

    /** One connected client and what it subscribed to. */
    public final class Client {
        private final Sink sink;
        private final Format format;
        /** channel → keys; an empty set means every key of the channel. */
        private final Map<String, Set<String>> subscriptions = new ConcurrentHashMap<>();
        private final AtomicInteger unsent = new AtomicInteger();
        private volatile boolean open = true;

        private Client(Sink sink, Format format) {
            this.sink = sink;
            this.format = format;
        }

        /** Subscribes to a channel, or to one key of it (one task of task_updates); null key: all. */
        public void subscribe(String channel, @Nullable String key) {
            if (!channels.containsKey(channel)) throw new IllegalArgumentException("unknown channel '" + channel + "' (known: " + channels() + ")");
            if (key == null) {
                subscriptions.put(channel, ConcurrentHashMap.newKeySet());
                return;
            }
            Set<String> keys = subscriptions.get(channel);
            if (keys == null) {
                keys = ConcurrentHashMap.newKeySet();
                keys.add(key);
                subscriptions.put(channel, keys);
            } else if (!keys.isEmpty()) {
                keys.add(key); // an empty set already means every key
            }
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
    private final Map<String, LiveChannel> channels = new java.util.TreeMap<>();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong published = new AtomicLong();

    @jakarta.inject.Inject
    public LiveHub(ObjectMapper json, ConfigService config, jakarta.enterprise.inject.Instance<LiveChannels> contributed) {
        this(json, config.current().section(LiveSettings.class).sendQueue(),
                contributed.stream().flatMap(c -> c.liveChannels().stream()).toList());
    }

    public LiveHub(ObjectMapper json, int maxUnsent, java.util.List<LiveChannel> channels) {
        this.json = json;
        this.maxUnsent = maxUnsent;
        channels.forEach(c -> {
            if (this.channels.putIfAbsent(c.name(), c) != null) throw new IllegalStateException("live channel contributed twice: " + c.name());
        });
    }

    /** The channels features contribute, by name. */
    public Set<String> channels() {
        return java.util.Collections.unmodifiableSet(channels.keySet());
    }

    public Client connect(Sink sink, Format format) {
        Client c = new Client(sink, format);
        clients.add(c);
        return c;
    }

    public void disconnect(Client c) {
        c.open = false;
        clients.remove(c);
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

    private static Map<String, Object> message(LiveChannel channel, @Nullable String key, Object payload, boolean envelope) {
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
