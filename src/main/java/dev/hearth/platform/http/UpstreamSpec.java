package dev.hearth.platform.http;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the stack needs to know about one upstream. Immutable; the {@code with…} methods
 * return copies. {@code toString} shows header names but not their values, and the auth strategy
 * redacted, so a spec can be logged. {@code maxResponseBytes} bounds every answer's body: an
 * upstream that sends more (a broken or hostile one, an endless stream) fails the call as a bad
 * response instead of filling the heap.
 */
public record UpstreamSpec(
        String name,
        URI baseUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        RetryPolicy retry,
        CircuitPolicy circuit,
        AuthStrategy auth,
        Map<String, String> defaultHeaders,
        long maxResponseBytes) {

    /**
     * 16 MB: several times the largest answer a home server's daemons give (qBittorrent's list of a few
     * thousand torrents is a few MB), and small beside the 192 MB heap the launcher gives Hearth.
     */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    public UpstreamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(defaultHeaders, "defaultHeaders");
        if (name.isBlank()) {
            throw new IllegalArgumentException("upstream name must not be blank");
        }
        checkBaseUrl(name, baseUrl);
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("upstream '" + name + "': timeouts must be positive");
        }
        defaultHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(defaultHeaders));
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("upstream '" + name + "': maxResponseBytes must be positive");
        }
    }

    /** Connect 2 s, request 5 s, {@link RetryPolicy#defaults()}, {@link CircuitPolicy#defaults()}, no auth, no headers. */
    public static UpstreamSpec of(String name, URI baseUrl) {
        return new UpstreamSpec(
                name,
                baseUrl,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                RetryPolicy.defaults(),
                CircuitPolicy.defaults(),
                AuthStrategy.none(),
                Map.of(),
                DEFAULT_MAX_RESPONSE_BYTES);
    }

    public UpstreamSpec withAuth(AuthStrategy a) {
        return new UpstreamSpec(
                name, baseUrl, connectTimeout, requestTimeout, retry, circuit, a, defaultHeaders, maxResponseBytes);
    }

    public UpstreamSpec withTimeouts(Duration connect, Duration request) {
        return new UpstreamSpec(
                name, baseUrl, connect, request, retry, circuit, auth, defaultHeaders, maxResponseBytes);
    }

    public UpstreamSpec withRetry(RetryPolicy r) {
        return new UpstreamSpec(
                name, baseUrl, connectTimeout, requestTimeout, r, circuit, auth, defaultHeaders, maxResponseBytes);
    }

    public UpstreamSpec withCircuit(CircuitPolicy c) {
        return new UpstreamSpec(
                name, baseUrl, connectTimeout, requestTimeout, retry, c, auth, defaultHeaders, maxResponseBytes);
    }

    public UpstreamSpec withHeader(String k, String v) {
        Map<String, String> headers = new LinkedHashMap<>(defaultHeaders);
        headers.put(Objects.requireNonNull(k, "header name"), Objects.requireNonNull(v, "header value"));
        return new UpstreamSpec(
                name, baseUrl, connectTimeout, requestTimeout, retry, circuit, auth, headers, maxResponseBytes);
    }

    /** A larger (or smaller) bound on answers, for an upstream known to send big ones (a media library's listing). */
    public UpstreamSpec withMaxResponseBytes(long max) {
        return new UpstreamSpec(
                name, baseUrl, connectTimeout, requestTimeout, retry, circuit, auth, defaultHeaders, max);
    }

    @Override
    public String toString() {
        // Header values may be api keys (withHeader("X-Api-Key", …)): names only.
        return "UpstreamSpec[name=" + name + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", retry=" + retry + ", circuit=" + circuit
                + ", auth=" + auth + ", defaultHeaders=" + defaultHeaders.keySet() + ", maxResponseBytes="
                + maxResponseBytes + "]";
    }

    private static void checkBaseUrl(String name, URI baseUrl) {
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("upstream '" + name + "': baseUrl must be an http or https URL");
        }
        if (baseUrl.getRawUserInfo() != null) {
            // The URL would carry a password into logs and error messages; the message leaves it out too.
            throw new IllegalArgumentException(
                    "upstream '" + name + "': baseUrl must not contain user:password, use AuthStrategy.basic instead");
        }
        if (baseUrl.getHost() == null) {
            throw new IllegalArgumentException("upstream '" + name + "': baseUrl has no host: " + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "upstream '" + name + "': baseUrl must not have a query or fragment: " + baseUrl);
        }
    }
}
