package dev.hearth.downloads.deluge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * deluge-web's JSON-RPC at {@code /json}. Every answer is HTTP 200; success or failure is in the
 * envelope: {@code {"result":…,"error":null|{"code","message"},"id"}}. Codes: 1 not authenticated,
 * 2 unknown method (also every {@code core.*} call while deluge-web is not connected to a daemon),
 * 3 and 4 a failure in deluge-web or the daemon, 5 a bad request.
 */
final class DelugeRpc {

    static final int NOT_AUTHENTICATED = 1;
    static final int UNKNOWN_METHOD = 2;

    /** One answer: a result, or an error with its code. */
    record Reply(JsonNode result, int errorCode, String errorMessage) {
        boolean ok() {
            return errorCode == 0;
        }
    }

    private final AtomicLong ids = new AtomicLong();

    /** Sends one call on {@code http} (the authenticated client, or the raw one during login). */
    Reply send(UpstreamClient http, String method, @Nullable Object... params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", method);
        body.put("params", Arrays.asList(params));
        body.put("id", ids.incrementAndGet());
        UpstreamResponse r = http.successful(http.postJson("json", body));
        JsonNode envelope = r.json();
        JsonNode error = envelope.path("error");
        if (error.isObject()) {
            return new Reply(
                    envelope.path("result"),
                    Math.max(1, error.path("code").asInt(4)),
                    error.path("message").asText());
        }
        return new Reply(envelope.path("result"), 0, "");
    }

    /** The result, or an exception that names the method and what Deluge said. */
    static JsonNode result(UpstreamClient http, String method, Reply reply) {
        if (reply.ok()) {
            return reply.result();
        }
        if (reply.errorCode() == NOT_AUTHENTICATED) {
            return fail(new UpstreamException.AuthFailed(
                    http.name(), "deluge-web does not accept our session for " + method));
        }
        String message = reply.errorMessage();
        // Daemon failures quote a Python traceback; the start says what went wrong.
        String shortMessage = message.length() > 200 ? message.substring(0, 200) + "…" : message;
        return fail(new UpstreamException.BadResponse(
                http.name(), "Deluge " + method + " failed (code " + reply.errorCode() + "): " + shortMessage, null));
    }

    /** Whether a raw answer says our session is gone (code 1): the stack then logs in again once. */
    static boolean sessionExpired(UpstreamResponse r) {
        if (r.status() != 200) {
            return false;
        }
        try {
            return r.json().path("error").path("code").asInt() == NOT_AUTHENTICATED;
        } catch (UpstreamException.BadResponse notJson) {
            return false;
        }
    }

    private static JsonNode fail(UpstreamException e) {
        throw e;
    }
}
