package dev.hearth.platform.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One call to an upstream. {@code path} is relative to the upstream's base URL (a leading
 * {@code /} is allowed and does not escape a base path such as {@code /sub/}); it may already
 * carry a query, and {@code query} entries are URL-encoded and appended. {@code body} is empty
 * for no body; it is not copied, so do not change the array after handing it over.
 * {@code idempotent} decides whether the call may be retried; it defaults from the method.
 */
public record UpstreamRequest(
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        byte[] body,
        @Nullable String contentType,
        boolean idempotent,
        Optional<Duration> timeout) {

    private static final byte[] NO_BODY = new byte[0];
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    public UpstreamRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timeout, "timeout");
        if (method.isBlank()) {
            throw new IllegalArgumentException("method must not be blank");
        }
        method = method.toUpperCase(Locale.ROOT);
        query = ordered(query);
        headers = ordered(headers);
        timeout.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + t);
            }
        });
    }

    /** Any method, idempotency from the method (GET, HEAD, PUT, DELETE, OPTIONS are idempotent). */
    public static UpstreamRequest of(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        return new UpstreamRequest(
                m, path, Map.of(), Map.of(), NO_BODY, null, IDEMPOTENT_METHODS.contains(m), Optional.empty());
    }

    public static UpstreamRequest get(String path) {
        return of("GET", path);
    }

    /** A POST; not idempotent unless {@link #asIdempotent()}. */
    public static UpstreamRequest post(String path, byte[] body, String contentType) {
        return new UpstreamRequest("POST", path, Map.of(), Map.of(), body, contentType, false, Optional.empty());
    }

    /** A {@code multipart/form-data} POST (e.g. a .torrent upload). */
    public static UpstreamRequest multipart(String path, List<MultipartPart> parts) {
        Multipart.Encoded encoded = Multipart.encode(parts);
        return post(path, encoded.body(), encoded.contentType());
    }

    public UpstreamRequest withQuery(String k, String v) {
        return new UpstreamRequest(method, path, plus(query, k, v), headers, body, contentType, idempotent, timeout);
    }

    public UpstreamRequest withHeader(String k, String v) {
        return new UpstreamRequest(method, path, query, plus(headers, k, v), body, contentType, idempotent, timeout);
    }

    public UpstreamRequest idempotent(boolean b) {
        return new UpstreamRequest(method, path, query, headers, body, contentType, b, timeout);
    }

    /** Declares a call safe to repeat (e.g. a JSON-RPC read sent as POST). */
    public UpstreamRequest asIdempotent() {
        return idempotent(true);
    }

    public UpstreamRequest notIdempotent() {
        return idempotent(false);
    }

    /** Overrides the upstream's request timeout for this call (e.g. a library refresh that blocks). */
    public UpstreamRequest withTimeout(Duration d) {
        return new UpstreamRequest(method, path, query, headers, body, contentType, idempotent, Optional.of(d));
    }

    @Override
    public String toString() {
        // Query values, header values and bodies may hold secrets (Tautulli's apikey, a login form): keys and sizes
        // only.
        return "UpstreamRequest[" + method + " " + pathWithoutQuery() + ", query=" + query.keySet() + ", headers="
                + headers.keySet() + ", bytes=" + body.length + ", idempotent=" + idempotent + "]";
    }

    /** The path without its query, safe to show in messages. */
    String pathWithoutQuery() {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    /** A form body, UTF-8, for {@link UpstreamClient#postForm}. */
    static byte[] formBody(Map<String, String> form) {
        return Urls.encodePairs(form, true).getBytes(StandardCharsets.US_ASCII);
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        Objects.requireNonNull(map);
        // Insertion order kept, so URLs and header lists are deterministic.
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static Map<String, String> plus(Map<String, String> map, String k, String v) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.put(Objects.requireNonNull(k, "name"), Objects.requireNonNull(v, "value"));
        return copy;
    }
}
