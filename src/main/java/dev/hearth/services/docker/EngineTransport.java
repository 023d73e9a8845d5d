package dev.hearth.services.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Requests to one engine: negotiates the API version, bounds every call by a deadline, and turns
 * transport failures and error statuses into {@link DockerException}s.
 */
final class EngineTransport {

    /** Error bodies are short JSON; never buffer more than this of one. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /**
     * The most of one answer read into memory (a list of hundreds of containers is a few hundred KB, a
     * 10,000-line log tail a few MB): an engine — or something posing as one on a tcp:// endpoint — that
     * sends more fails the call instead of filling the heap.
     */
    static final int MAX_BODY = 16 * 1024 * 1024;

    private final String endpointName;
    private final URI host;
    private final Duration timeout;
    private final @Nullable SSLContext tls;
    private final ObjectMapper json;
    /** Cached per client; cleared when the engine goes away, since it may come back as another version. */
    private volatile @Nullable ApiVersion negotiated;

    EngineTransport(String endpointName, URI host, Duration timeout, @Nullable SSLContext tls, ObjectMapper json) {
        this.endpointName = endpointName;
        this.host = host;
        this.timeout = timeout;
        this.tls = tls;
        this.json = json;
    }

    /** A complete answer, body buffered. */
    record Reply(int status, HttpCodec.Head head, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer whose body is still being received; closing it closes the connection. */
    record Stream(HttpCodec.Head head, InputStream body, Connection connection) implements Closeable {
        @Override
        public void close() {
            connection.close();
        }
    }

    Duration timeout() {
        return timeout;
    }

    String endpointName() {
        return endpointName;
    }

    /** {@code GET /_ping} (unversioned, so it works whatever the engine's range) and remembers the version. */
    ApiVersion negotiate() {
        Reply reply = exchange("GET", "/_ping", null, timeout);
        if (reply.status() != 200) {
            throw error(reply.status(), reply.text());
        }
        String header = reply.head().header("api-version");
        if (header == null) {
            throw new DockerException.ApiError(
                    reply.status(),
                    "Docker endpoint '" + endpointName + "' answered /_ping without an Api-Version header");
        }
        ApiVersion engine = ApiVersion.parse(header);
        if (engine.compareTo(ApiVersion.MIN) < 0) {
            throw new DockerException.ApiError(
                    400,
                    "Docker endpoint '" + endpointName + "' speaks API " + engine + ", older than the minimum "
                            + ApiVersion.MIN + " that Hearth supports; upgrade Docker");
        }
        ApiVersion chosen = ApiVersion.negotiate(engine);
        negotiated = chosen;
        return chosen;
    }

    ApiVersion apiVersion() {
        ApiVersion v = negotiated;
        return v != null ? v : negotiate();
    }

    /**
     * A versioned call whose whole answer is read within {@code timeout + extra} (extra covers calls
     * that legitimately take a while, like stop with a grace period). 2xx and 304 are returned;
     * error statuses are thrown.
     */
    Reply call(String method, String path, @Nullable RequestBody body, Duration extra) {
        for (int attempt = 0; ; attempt++) {
            Reply reply = exchange(method, "/v" + apiVersion() + path, body, timeout.plus(extra));
            if (reply.status() < 400) {
                return reply;
            }
            DockerException error = error(reply.status(), reply.text());
            if (attempt == 0 && isVersionMismatch(reply.status(), error.getMessage())) {
                negotiated = null; // the engine was replaced under us; negotiate again and retry once
                continue;
            }
            throw error;
        }
    }

    /** A versioned call whose body streams without a deadline (events, followed logs) once the head is in. */
    Stream stream(String method, String path) {
        String target = "/v" + apiVersion() + path;
        Connection connection = connect();
        Deadline deadline = Deadline.start(timeout, connection);
        try {
            HttpCodec.writeRequest(connection.out(), method, target, null, -1);
            connection.out().flush();
            HttpCodec.Head head = HttpCodec.readHead(connection.in());
            InputStream body = HttpCodec.body(head, method, connection.in());
            if (head.status() >= 400) {
                // Still under the deadline: an error body is short, but must not be waited on forever.
                String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
                connection.close();
                throw error(head.status(), text);
            }
            if (!deadline.cancel()) {
                throw new IOException("deadline reached");
            }
            return new Stream(head, body, connection);
        } catch (IOException e) {
            connection.close();
            throw unavailable(e, deadline.fired());
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        } finally {
            deadline.cancel();
        }
    }

    private Reply exchange(String method, String target, @Nullable RequestBody body, Duration limit) {
        long start = System.nanoTime();
        Connection connection = connect();
        // The connect counts against the limit too: the caller was promised one bound, not two.
        Duration left = limit.minusNanos(System.nanoTime() - start);
        Deadline deadline = Deadline.start(left.isNegative() ? Duration.ofMillis(1) : left, connection);
        try (connection;
                deadline) {
            if (body == null) {
                HttpCodec.writeRequest(connection.out(), method, target, null, method.equals("POST") ? 0 : -1);
            } else {
                HttpCodec.writeRequest(connection.out(), method, target, body.contentType(), body.length());
                connection.out().flush();
                body.writeTo(connection.out());
            }
            connection.out().flush();
            HttpCodec.Head head = HttpCodec.readHead(connection.in());
            InputStream in = HttpCodec.body(head, method, connection.in());
            byte[] bytes = head.status() >= 400 ? in.readNBytes(MAX_ERROR_BODY) : in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                negotiated = null;
                throw new DockerException.EngineUnavailable(
                        endpointName,
                        "Docker endpoint '" + endpointName + "' (" + host
                                + ") answered " + method + " " + target + " with more than " + MAX_BODY / (1024 * 1024)
                                + " MB, the most Hearth reads from one answer; the answer was dropped",
                        new IOException("response body larger than " + MAX_BODY + " bytes"));
            }
            return new Reply(head.status(), head, bytes);
        } catch (IOException e) {
            throw unavailable(e, deadline.fired());
        }
    }

    private Connection connect() {
        try {
            return Connection.open(host, timeout, tls);
        } catch (IOException e) {
            throw unavailable(e, false);
        }
    }

    private DockerException.EngineUnavailable unavailable(IOException e, boolean timedOut) {
        negotiated = null;
        String reason;
        if (timedOut || e instanceof java.net.SocketTimeoutException) {
            reason = "no answer within " + human(timeout);
        } else if (e instanceof NoSuchFileException || isMissingSocket(e)) {
            reason = "socket " + host.getPath() + " does not exist (is Docker running?)";
        } else if (e instanceof ConnectException || isRefused(e)) {
            reason = "connection refused (is Docker running?)";
        } else if (e instanceof SocketException || e instanceof java.nio.channels.ClosedChannelException) {
            reason = "connection lost";
        } else {
            reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return new DockerException.EngineUnavailable(
                endpointName, "Docker endpoint '" + endpointName + "' (" + host + ") is unavailable: " + reason, e);
    }

    private static boolean isMissingSocket(IOException e) {
        String m = e.getMessage();
        return m != null && m.toLowerCase(Locale.ROOT).contains("no such file");
    }

    private static boolean isRefused(IOException e) {
        String m = e.getMessage();
        return m != null && m.toLowerCase(Locale.ROOT).contains("refused");
    }

    private DockerException error(int status, String body) {
        String message = messageOf(body);
        return switch (status) {
            case 404 -> new DockerException.NotFound(message);
            case 409 -> new DockerException.Conflict(message);
            default -> new DockerException.ApiError(status, message);
        };
    }

    /** Docker answers errors as {@code {"message": "..."}}; anything else is passed on as text. */
    private String messageOf(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.hasNonNull("message")) {
                return node.get("message").asText();
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        String trimmed = body.strip();
        return trimmed.isEmpty() ? "Docker endpoint '" + endpointName + "' answered with an error" : trimmed;
    }

    private static boolean isVersionMismatch(int status, @Nullable String message) {
        // "client version 1.44 is too new. Maximum supported API version is 1.41" and the "too old" twin.
        return status == 400
                && message != null
                && message.contains("client version")
                && (message.contains("too new") || message.contains("too old"));
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
