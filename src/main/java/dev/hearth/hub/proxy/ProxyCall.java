package dev.hearth.hub.proxy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a caller asked the proxy for: the method, the {@code path} parameter, the other query parameters (decoded,
 * forwarded), the body with its content type, and the {@code Accept} it wants. Nothing else of the caller's request
 * reaches the service: not its cookies, not its {@code Authorization}, not its other headers. {@code raw}: the caller
 * wants the body's bytes as they came (after masking, when it is text), so it is always answered as base64.
 */
public record ProxyCall(
        String method,
        String path,
        Map<String, List<String>> query,
        byte[] body,
        @Nullable String contentType,
        @Nullable String accept,
        boolean raw) {

    public ProxyCall {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    public ProxyCall(
            String method,
            String path,
            Map<String, List<String>> query,
            byte[] body,
            @Nullable String contentType,
            @Nullable String accept) {
        this(method, path, query, body, contentType, accept, false);
    }

    public ProxyCall withRaw(boolean wanted) {
        return new ProxyCall(method, path, query, body, contentType, accept, wanted);
    }

    public static ProxyCall get(String path) {
        return new ProxyCall("GET", path, Map.of(), new byte[0], null, null);
    }

    public static ProxyCall of(String method, String path, byte[] body, @Nullable String contentType) {
        return new ProxyCall(method, path, Map.of(), body, contentType, null);
    }

    public ProxyCall withQuery(String name, String value) {
        Map<String, List<String>> q = new LinkedHashMap<>(query);
        q.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
        return new ProxyCall(method, path, q, body, contentType, accept, raw);
    }

    @Override
    public String toString() {
        int q = path.indexOf('?');
        return "ProxyCall[" + method + " " + (q < 0 ? path : path.substring(0, q)) + ", query=" + query.keySet()
                + ", bytes=" + body.length + (raw ? ", raw" : "") + "]";
    }
}
