package dev.hearth.services.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code /events} (newline-delimited JSON, container events only) and keeps reading across
 * engine restarts: every reconnect asks for {@code since} the last event it delivered, so nothing
 * that happened in between is lost, and events seen at that same instant are not delivered twice.
 * Runs on the subscription's single thread, so its fields need no locking.
 */
final class EventStream {

    private static final System.Logger LOG = System.getLogger(EventStream.class.getName());
    private static final String FILTER = URLEncoder.encode("{\"type\":[\"container\"]}", StandardCharsets.UTF_8);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final EngineTransport transport;
    private final ObjectMapper json;
    private final Consumer<DockerEvent> consumer;
    private final DockerSubscription subscription;
    /** What the caller asked for: also deliver events from this instant on. */
    private final @Nullable Instant since;
    /** When the first connection was made; where a reconnect resumes if no event came yet. */
    private @Nullable Instant firstConnected;
    /** The engine's time of the last delivered event: where a reconnect resumes. */
    private @Nullable Instant lastDelivered;
    /** Events already delivered at exactly {@link #lastDelivered}, since the engine's {@code since} is inclusive. */
    private final Set<String> deliveredAtLast = new HashSet<>();

    EventStream(
            EngineTransport transport,
            ObjectMapper json,
            @Nullable Instant since,
            Consumer<DockerEvent> consumer,
            DockerSubscription subscription) {
        this.transport = transport;
        this.json = json;
        this.consumer = consumer;
        this.subscription = subscription;
        this.since = since;
    }

    /** Connects now, so that a dead engine is reported to the caller and events after return are seen. */
    EngineTransport.Stream connect() {
        Instant now = Instant.now();
        EngineTransport.Stream stream = transport.stream("GET", "/events?filters=" + FILTER + sinceParam());
        if (firstConnected == null) {
            firstConnected = now;
        }
        subscription.attach(stream.connection());
        return stream;
    }

    /** The reader loop, on the subscription's virtual thread. */
    void run(EngineTransport.Stream first) {
        EngineTransport.Stream stream = first;
        Duration backoff = Duration.ofMillis(250);
        while (!subscription.isClosed()) {
            if (stream != null) {
                try (EngineTransport.Stream s = stream) {
                    read(s);
                    backoff = Duration.ofMillis(250); // it worked for a while: start backing off afresh
                } catch (IOException e) {
                    if (!subscription.isClosed()) {
                        LOG.log(
                                Level.INFO,
                                "Docker endpoint ''{0}'': event stream cut off (engine restarting or "
                                        + "unreachable); reconnecting from the last event",
                                transport.endpointName());
                        LOG.log(Level.DEBUG, "event stream failure", e);
                    }
                }
                stream = null;
            }
            if (subscription.isClosed()) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException closed) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            try {
                stream = connect();
            } catch (DockerException e) {
                LOG.log(
                        Level.DEBUG,
                        "Docker endpoint ''{0}'': reconnecting events failed: {1}",
                        transport.endpointName(),
                        e.getMessage());
            }
        }
    }

    private void read(EngineTransport.Stream stream) throws IOException {
        java.io.InputStream body = stream.body();
        for (String line; (line = boundedLine(body)) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            DockerEvent event = EngineJson.event(node);
            if (event == null || isRepeat(event)) {
                continue;
            }
            try {
                consumer.accept(event);
            } catch (RuntimeException e) {
                // One faulty listener must not end the stream for everyone else.
                LOG.log(Level.WARNING, "Docker event listener failed on " + event.action(), e);
            }
        }
    }

    /** An event is a few hundred bytes: a "line" of more than {@value #MAX_EVENT} is no event, and ends the stream. */
    private static final int MAX_EVENT = 256 * 1024;

    private static @Nullable String boundedLine(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(512);
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') return line.toString(StandardCharsets.UTF_8);
            if (line.size() >= MAX_EVENT) throw new IOException("an event line longer than " + MAX_EVENT + " bytes");
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /**
     * Only compares engine times with engine times (never with our clock, which a remote engine need
     * not share), so a skewed clock cannot make us drop live events.
     */
    private boolean isRepeat(DockerEvent event) {
        String key = event.containerId() + '|' + event.action() + '|' + event.detail();
        Instant last = lastDelivered;
        if (last != null && event.time().isBefore(last)) {
            return true;
        }
        if (last == null || event.time().isAfter(last)) {
            lastDelivered = event.time();
            deliveredAtLast.clear();
        }
        return !deliveredAtLast.add(key);
    }

    /**
     * Where to (re)start: after the last event delivered; else the caller's {@code since}; else, on a
     * reconnect, when we first connected. For a remote engine with a skewed clock that last case may
     * repeat or miss a moment's worth of events; listeners are idempotent, and a local engine shares
     * our clock.
     */
    private String sinceParam() {
        Instant from = lastDelivered != null ? lastDelivered : since != null ? since : firstConnected;
        if (from == null) {
            return ""; // first connection, only new events
        }
        // The engine takes "seconds.nanoseconds".
        return "&since=" + from.getEpochSecond() + "." + String.format("%09d", from.getNano());
    }
}
