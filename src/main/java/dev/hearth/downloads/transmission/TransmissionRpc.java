package dev.hearth.downloads.transmission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transmission's legacy RPC envelope ({@code method}, {@code arguments}, {@code tag}), which 3.00
 * to 4.x all accept. The 409 session-id exchange is the stack's ({@code AuthStrategy.sessionHeader});
 * failures of a call come as HTTP 200 with {@code result} other than "success".
 */
final class TransmissionRpc {

    private final UpstreamClient http;
    private final String path;
    private final AtomicLong tags = new AtomicLong();

    TransmissionRpc(UpstreamClient http) {
        this.http = http;
        // The kind strips a written /transmission/rpc or /transmission/web/ from the base (TransmissionKind.base).
        this.path = "transmission/rpc";
    }

    /** The arguments of a successful answer. */
    JsonNode call(String method, Map<String, ?> arguments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", method);
        body.put("arguments", arguments);
        body.put("tag", tags.incrementAndGet());
        UpstreamResponse r = http.postJson(path, body);
        if (r.status() == 401) {
            throw new UpstreamException.AuthFailed(
                    http.name(),
                    "Transmission refused the user name or password;" + " correct them in the service's credentials");
        }
        if (r.status() == 403) {
            throw new UpstreamException.AuthFailed(
                    http.name(),
                    "Transmission refuses Hearth's address;"
                            + " add it to rpc-whitelist in Transmission's settings.json");
        }
        JsonNode envelope = http.successful(r).json();
        String result = envelope.path("result").asText();
        if (!result.equals("success")) {
            throw new UpstreamException.BadResponse(http.name(), "Transmission " + method + " failed: " + result, null);
        }
        return envelope.path("arguments");
    }

    String upstream() {
        return http.name();
    }
}
