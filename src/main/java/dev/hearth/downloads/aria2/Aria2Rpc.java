package dev.hearth.downloads.aria2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * aria2's JSON-RPC 2.0 at {@code /jsonrpc}. The secret goes as the first parameter,
 * {@code "token:<secret>"}, in the body, never in a URL. Every RPC-level error is HTTP 400 with
 * code 1 and a message; a wrong or missing secret is the message "Unauthorized".
 */
final class Aria2Rpc {

    /** A result, or aria2's error message. */
    private static final String REFUSED =
            "aria2 refused the RPC secret; set the service's token to aria2's --rpc-secret";

    record Reply(JsonNode result, String error) {
        boolean ok() {
            return error.isEmpty();
        }
    }

    private final UpstreamClient http;
    private final String path;
    private final String token;
    /** How long a refused secret is remembered: aria2 holds each refused call about 2 s (brute-force guard). */
    static final Duration REFUSAL_REMEMBERED = Duration.ofMinutes(1);

    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;
    private final AtomicReference<Instant> refusedUntil = new AtomicReference<>(Instant.EPOCH);

    Aria2Rpc(UpstreamClient http, String secret, Clock clock) {
        this.http = http;
        this.clock = clock;
        // The kind strips a written /jsonrpc from the base (Aria2Kind.base), so the endpoint is always joined here.
        this.path = "jsonrpc";
        this.token = secret.isEmpty() ? "" : "token:" + secret;
    }

    String upstream() {
        return http.name();
    }

    /** The result of a call that must succeed. */
    JsonNode call(String method, Object... params) {
        Reply reply = send(method, params);
        if (!reply.ok()) {
            throw new UpstreamException.BadResponse(http.name(), "aria2 " + method + " failed: " + reply.error(), null);
        }
        return reply.result();
    }

    /** One call; an error aria2 reports comes back as a {@link Reply}, an unusable answer throws. */
    Reply send(String method, Object... params) {
        Instant until = refusedUntil.get();
        if (clock.instant().isBefore(until)) {
            // Polling with a wrong secret would otherwise hold a thread for aria2's 2 s delay on every call.
            throw new UpstreamException.AuthFailed(http.name(), REFUSED + " (remembered until " + until + ")");
        }
        List<Object> all = new ArrayList<>();
        if (!token.isEmpty()) {
            all.add(token);
        }
        all.addAll(List.of(params));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", Long.toString(ids.incrementAndGet()));
        body.put("method", method);
        body.put("params", all);
        UpstreamResponse r = http.postJson(path, body);
        if (r.status() == 400) {
            String message = errorMessage(r);
            if (message.equals("Unauthorized")) {
                refusedUntil.set(clock.instant().plus(REFUSAL_REMEMBERED));
                throw new UpstreamException.AuthFailed(http.name(), REFUSED);
            }
            return new Reply(r.json().path("result"), message);
        }
        return new Reply(http.successful(r).json().path("result"), "");
    }

    private static String errorMessage(UpstreamResponse r) {
        try {
            String m = r.json().path("error").path("message").asText();
            return m.isEmpty() ? "HTTP 400" : m;
        } catch (UpstreamException.BadResponse notJson) {
            return "HTTP 400";
        }
    }
}
