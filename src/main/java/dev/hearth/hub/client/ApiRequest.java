package dev.hearth.hub.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One call through the generic client: any verb, a path relative to the service's base URL (it may carry a query
 * already), extra query parameters, headers and a body. {@code toString} shows names and sizes only.
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        ApiBody body,
        Optional<Duration> timeout) {

    public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    public ApiRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timeout, "timeout");
        method = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unsupported method '" + method + "'");
        }
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static ApiRequest of(String method, String path) {
        return new ApiRequest(method, path, Map.of(), Map.of(), ApiBody.none(), Optional.empty());
    }

    public static ApiRequest get(String path) {
        return of("GET", path);
    }

    public ApiRequest withBody(ApiBody b) {
        return new ApiRequest(method, path, query, headers, b, timeout);
    }

    public ApiRequest withQuery(Map<String, String> more) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.putAll(more);
        return new ApiRequest(method, path, q, headers, body, timeout);
    }

    public ApiRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiRequest(method, path, query, h, body, timeout);
    }

    public ApiRequest withTimeout(Duration d) {
        return new ApiRequest(method, path, query, headers, body, Optional.of(d));
    }

    @Override
    public String toString() {
        int q = path.indexOf('?');
        return "ApiRequest[" + method + " " + (q < 0 ? path : path.substring(0, q)) + ", query=" + query.keySet()
                + ", headers=" + headers.keySet() + ", body=" + body + "]";
    }
}
