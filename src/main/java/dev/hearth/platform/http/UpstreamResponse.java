package dev.hearth.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer from an upstream, whatever its status. A class rather than a record because it
 * carries the stack's JSON reader for {@link #json()} and {@link #as(Class)}; the accessors keep
 * record names. JSON is read leniently (unknown properties ignored): the daemons add fields
 * between releases.
 */
public final class UpstreamResponse {

    static final int EXCERPT_CHARS = 200;

    // Only for responses built by hand (tests of an `expired` predicate); the stack passes its own.
    private static final ObjectReader STANDALONE_READER = lenient(new ObjectMapper());

    private final String upstream;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final ObjectReader reader;

    /** A response not tied to a stack, e.g. to test a session-expiry predicate. */
    public UpstreamResponse(int status, HttpHeaders headers, byte[] body) {
        this("unnamed", status, headers, body, STANDALONE_READER);
    }

    UpstreamResponse(String upstream, int status, HttpHeaders headers, byte[] body, ObjectReader reader) {
        this.upstream = Objects.requireNonNull(upstream);
        this.status = status;
        this.headers = Objects.requireNonNull(headers);
        this.body = Objects.requireNonNull(body);
        this.reader = Objects.requireNonNull(reader);
    }

    static ObjectReader lenient(ObjectMapper mapper) {
        return mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The raw body; not copied. */
    public byte[] body() {
        return body;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as text, in the charset the Content-Type names, UTF-8 otherwise. */
    public String text() {
        return new String(body, charset());
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body as a JSON tree; {@link UpstreamException.BadResponse} if it is not JSON. */
    public JsonNode json() {
        try {
            return reader.readTree(body);
        } catch (IOException e) {
            throw badJson("is not JSON", e);
        }
    }

    /** The body mapped onto {@code type}; {@link UpstreamException.BadResponse} if it does not fit. */
    public <T> T as(Class<T> type) {
        try {
            return reader.forType(type).readValue(body);
        } catch (IOException e) {
            throw badJson("does not map onto " + type.getSimpleName(), e);
        }
    }

    /** A short, one-line start of the body for error messages. */
    String excerpt() {
        String oneLine = text().replaceAll("\\s+", " ").strip();
        return oneLine.length() <= EXCERPT_CHARS ? oneLine : oneLine.substring(0, EXCERPT_CHARS) + "…";
    }

    @Override
    public String toString() {
        return "UpstreamResponse[status=" + status + ", bytes=" + body.length + "]";
    }

    private UpstreamException.BadResponse badJson(String what, IOException e) {
        // Jackson's own message quotes the offending content; keep only its location-free summary.
        String why = e instanceof JsonProcessingException j
                ? j.getOriginalMessage()
                : e.getClass().getSimpleName();
        return new UpstreamException.BadResponse(
                upstream,
                "the response (HTTP " + status + ", "
                        + headers.firstValue("Content-Type").orElse("no content type") + ") " + what + ": "
                        + firstLine(why),
                e);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() <= EXCERPT_CHARS ? line : line.substring(0, EXCERPT_CHARS) + "…";
    }

    private Charset charset() {
        String type = headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int at = type.indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        String name =
                type.substring(at + "charset=".length()).split("[;\\s]")[0].replace("\"", "");
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
