package dev.hearth.services.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
 */
final class EventStream {

    private static final System.Logger LOG = System.getLogger(EventStream.class.getName());
    private static final String FILTER = URLEncoder.encode("{\"type\":[\"container\"]}", StandardCharsets.UTF_8);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final EngineTransport transport;
    private final ObjectMapper json;
    private final Consumer<DockerEvent> consumer;
    private final DockerSubscription subscription;
    /** The instant to resume from: the last delivered event's time, else when we first connected. */
    private @Nullable Instant resumeFrom;
    /** Events already delivered at exactly {@link #resumeFrom}, since {@code since} is inclusive. */
    private final Set<String> deliveredAtResume = new HashSet<>();

    EventStream(EngineTransport transport, ObjectMapper json, @Nullable Instant since, Consumer<DockerEvent> consumer,
                DockerSubscription subscription) {
        this.transport = transport;
        this.json = json;
        this.consumer = consumer;
        this.subscription = subscription;
        this.resumeFrom = since;
    }

    /** Connects now, so that a dead engine is reported to the caller and events after return are seen. */
    EngineTransport.Stream connect() {
        Instant connectedAt = Instant.now();
        EngineTransport.Stream stream = transport.stream("GET", "/events?filters=" + FILTER + sinceParam());
        if (resumeFrom == null) {
            // Local clock: for a remote engine with a skewed clock a reconnect may repeat or miss a
            // moment's worth of events; listeners are idempotent, and a local engine shares our clock.
            resumeFrom = connectedAt;
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
                        LOG.log(Level.INFO, "Docker endpoint ''{0}'': event stream lost ({1}); reconnecting",
                                transport.endpointName(), e.toString());
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
                LOG.log(Level.DEBUG, "Docker endpoint ''{0}'': reconnecting events failed: {1}",
                        transport.endpointName(), e.getMessage());
            }
        }
    }

    private void read(EngineTransport.Stream stream) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
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

    private boolean isRepeat(DockerEvent event) {
        String key = event.containerId() + '|' + event.action() + '|' + event.detail();
        Instant from = resumeFrom;
        if (from != null && event.time().isBefore(from)) {
            return true;
        }
        if (from == null || event.time().isAfter(from)) {
            resumeFrom = event.time();
            deliveredAtResume.clear();
        }
        return !deliveredAtResume.add(key);
    }

    private String sinceParam() {
        Instant from = resumeFrom;
        if (from == null) {
            return "";
        }
        // The engine takes "seconds.nanoseconds".
        return "&since=" + from.getEpochSecond() + "." + String.format("%09d", from.getNano());
    }
}
