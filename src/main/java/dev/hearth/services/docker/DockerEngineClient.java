package dev.hearth.services.docker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The Docker Engine API calls Hearth uses, against one named endpoint ({@code unix:///var/run/docker.sock}
 * or {@code tcp://host:2375}). Thread-safe; every call is bounded by the configured timeout (plus the
 * grace period for stop and restart, and the engine's sampling second for stats). The API version is
 * negotiated from {@code /_ping} on first use and again after the engine was unreachable, because
 * Docker 29 refuses clients older than 1.44 while Debian 12's engine only speaks 1.41.
 */
public final class DockerEngineClient {

    /** {@code stats?stream=false} waits for a second sample to fill precpu_stats. */
    private static final Duration STATS_SAMPLING = Duration.ofSeconds(2);

    private final EngineTransport transport;
    private final ObjectMapper json;

    public DockerEngineClient(String endpointName, URI host, Duration timeout, ObjectMapper json) {
        this(endpointName, host, timeout, json, null);
    }

    /** With {@code tls} set, {@code tcp://} connections use it (see {@link DockerTls}). */
    public DockerEngineClient(
            String endpointName, URI host, Duration timeout, ObjectMapper json, @Nullable SSLContext tls) {
        // Lenient on our own copy: the engine adds fields in every release.
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.transport = new EngineTransport(endpointName, host, timeout, tls, this.json);
    }

    public String endpointName() {
        return transport.endpointName();
    }

    /** Checks the engine answers, and (re)negotiates the API version. */
    public void ping() {
        transport.negotiate();
    }

    /** The API version this client speaks to the engine, e.g. "1.41"; negotiates if not yet done. */
    public String apiVersion() {
        return transport.apiVersion().toString();
    }

    public EngineVersion version() {
        JsonNode v = getJson("/version");
        return EngineJson.version(v, transport.apiVersion());
    }

    public List<ContainerSummary> listContainers(boolean all) {
        List<ContainerSummary> result = new ArrayList<>();
        for (JsonNode c : getJson("/containers/json" + (all ? "?all=1" : ""))) {
            result.add(EngineJson.summary(c));
        }
        return result;
    }

    /** @throws DockerException.NotFound if there is no such container */
    public ContainerDetails inspect(String idOrName) {
        return EngineJson.details(getJson("/containers/" + segment(idOrName) + "/json"));
    }

    /** Creates (does not start) a container from a local image; never pulls. Returns its id. */
    public String createContainer(String name, ContainerSpec spec) {
        ObjectNode body = json.createObjectNode();
        body.put("Image", spec.image());
        if (!spec.cmd().isEmpty()) {
            ArrayNode cmd = body.putArray("Cmd");
            spec.cmd().forEach(cmd::add);
        }
        ArrayNode env = body.putArray("Env");
        spec.env().forEach(env::add);
        ObjectNode labels = body.putObject("Labels");
        spec.labels().forEach(labels::put);
        body.put("Tty", spec.tty());
        ObjectNode host = body.putObject("HostConfig");
        host.put("NetworkMode", spec.networkMode());
        ArrayNode binds = host.putArray("Binds");
        spec.binds().forEach(binds::add);
        JsonNode created = postJson("/containers/create?name=" + query(name), body);
        return created.path("Id").asText();
    }

    /** Starting a running container is not an error (the engine answers 304). */
    public void start(String idOrName) {
        transport.call("POST", "/containers/" + segment(idOrName) + "/start", null, Duration.ZERO);
    }

    /**
     * Sends SIGTERM, then SIGKILL after {@code timeout}. Stopping a stopped container is not an error
     * (the engine answers 304).
     */
    public void stop(String idOrName, Duration timeout) {
        transport.call("POST", "/containers/" + segment(idOrName) + "/stop?t=" + seconds(timeout), null, timeout);
    }

    public void restart(String idOrName, Duration timeout) {
        transport.call("POST", "/containers/" + segment(idOrName) + "/restart?t=" + seconds(timeout), null, timeout);
    }

    /** @param force kill it first if it is running (else a running container gives Conflict) */
    public void remove(String idOrName, boolean force) {
        transport.call("DELETE", "/containers/" + segment(idOrName) + (force ? "?force=1" : ""), null, Duration.ZERO);
    }

    /**
     * The container's recent output.
     *
     * @param tail  how many lines from the end; negative for all
     * @param since only lines after this instant, or null
     */
    public List<LogLine> logs(String idOrName, int tail, @Nullable Instant since, boolean timestamps) {
        boolean multiplexed = !inspect(idOrName).tty();
        List<LogLine> lines = new ArrayList<>();
        EngineTransport.Reply reply =
                transport.call("GET", logsPath(idOrName, tail, since, timestamps, false), null, Duration.ZERO);
        try {
            new LogDecoder(timestamps, lines::add).decode(new java.io.ByteArrayInputStream(reply.body()), multiplexed);
        } catch (IOException e) {
            throw new DockerException.ApiError(
                    reply.status(),
                    "unreadable log stream from Docker endpoint '" + endpointName() + "': " + e.getMessage());
        }
        return lines;
    }

    /**
     * Follows the container's output on a virtual thread, calling {@code consumer} for each line, until
     * the container stops or the subscription is closed. Fails now if the container does not exist.
     */
    public DockerSubscription followLogs(
            String idOrName, int tail, @Nullable Instant since, boolean timestamps, Consumer<LogLine> consumer) {
        boolean multiplexed = !inspect(idOrName).tty();
        EngineTransport.Stream stream = transport.stream("GET", logsPath(idOrName, tail, since, timestamps, true));
        DockerSubscription subscription = new DockerSubscription();
        subscription.attach(stream.connection());
        subscription.start("docker-logs-" + idOrName, () -> {
            try (stream) {
                new LogDecoder(timestamps, consumer).decode(stream.body(), multiplexed);
            } catch (IOException e) {
                // Closed by the subscriber, or the engine went away: either way the stream is over.
            }
        });
        return subscription;
    }

    /** One sample, computed as {@code docker stats} does; takes about a second (the engine samples twice). */
    public ContainerStats stats(String idOrName) {
        EngineTransport.Reply reply =
                transport.call("GET", "/containers/" + segment(idOrName) + "/stats?stream=false", null, STATS_SAMPLING);
        return StatsCalculator.from(readTree(reply.body()));
    }

    /**
     * Streams container events on a virtual thread until closed, reconnecting (with {@code since}) if the
     * engine goes away, so no event is lost across an engine restart.
     *
     * @param since also deliver past events from this instant, or null for only new ones
     * @throws DockerException.EngineUnavailable if the engine cannot be reached now
     */
    public DockerSubscription events(@Nullable Instant since, Consumer<DockerEvent> consumer) {
        DockerSubscription subscription = new DockerSubscription();
        EventStream events = new EventStream(transport, json, since, consumer, subscription);
        EngineTransport.Stream first = events.connect();
        subscription.start("docker-events-" + endpointName(), () -> events.run(first));
        return subscription;
    }

    /**
     * Imports a root-filesystem tarball as an image ({@code docker import}), applying Dockerfile
     * {@code changes} such as "ENV PATH=/bin". Used where no registry is reachable.
     */
    public void importImage(Path tarball, String repository, String tag, List<String> changes) {
        StringBuilder path = new StringBuilder("/images/create?fromSrc=-&repo=")
                .append(query(repository))
                .append("&tag=")
                .append(query(tag));
        changes.forEach(c -> path.append("&changes=").append(query(c)));
        EngineTransport.Reply reply = transport.call(
                "POST", path.toString(), new RequestBody.File(tarball, "application/x-tar"), transport.timeout());
        // Answers 200 even on failure: errors are lines of the NDJSON progress body.
        for (String line : reply.text().split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = readTree(line.getBytes(StandardCharsets.UTF_8));
                if (node.has("error") || node.has("errorDetail")) {
                    throw new DockerException.ApiError(
                            500,
                            node.path("errorDetail")
                                    .path("message")
                                    .asText(node.path("error").asText("image import failed")));
                }
            }
        }
    }

    private String logsPath(String idOrName, int tail, @Nullable Instant since, boolean timestamps, boolean follow) {
        StringBuilder p = new StringBuilder("/containers/")
                .append(segment(idOrName))
                .append("/logs?stdout=1&stderr=1&tail=")
                .append(tail < 0 ? "all" : Integer.toString(tail))
                .append("&timestamps=")
                .append(timestamps ? 1 : 0);
        if (since != null) {
            p.append("&since=")
                    .append(since.getEpochSecond())
                    .append('.')
                    .append(String.format(Locale.ROOT, "%09d", since.getNano()));
        }
        if (follow) {
            p.append("&follow=1");
        }
        return p.toString();
    }

    private JsonNode getJson(String path) {
        return readTree(transport.call("GET", path, null, Duration.ZERO).body());
    }

    private JsonNode postJson(String path, JsonNode body) {
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            return readTree(transport
                    .call("POST", path, new RequestBody.Json(bytes), Duration.ZERO)
                    .body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readTree(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new DockerException.ApiError(
                    200,
                    "Docker endpoint '" + endpointName() + "' answered with JSON that could not be read: "
                            + e.getMessage());
        }
    }

    private static long seconds(Duration d) {
        return Math.max(0, (d.toMillis() + 999) / 1000); // the engine takes whole seconds; round up
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
