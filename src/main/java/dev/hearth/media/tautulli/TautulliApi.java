package dev.hearth.media.tautulli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import java.util.Map;

/**
 * One call shape for every command. The key must ride in the query (Tautulli reads no header); the
 * stack keeps queries out of every message. A command that fails answers HTTP 200 with
 * {@code result: "error"}.
 */
final class TautulliApi {
    private final UpstreamClient http;
    private final String apiKey;

    TautulliApi(UpstreamClient http, String apiKey) {
        this.http = http;
        this.apiKey = apiKey;
    }

    JsonNode call(String cmd, Map<String, String> params) {
        UpstreamRequest request = UpstreamRequest.get("/api/v2")
                .withQuery("apikey", apiKey)
                .withQuery("cmd", cmd)
                .withHeader("Accept", "application/json");
        for (Map.Entry<String, String> p : params.entrySet()) request = request.withQuery(p.getKey(), p.getValue());
        UpstreamResponse r = http.send(request);
        if (r.status() == 401) {
            throw new UpstreamException.AuthFailed(http.name(), "refused the API key (" + message(r) + ")");
        }
        if (r.status() == 404 && message(r).contains("API not enabled")) {
            throw new UpstreamException.HttpStatus(
                    http.name(),
                    "answered that its API is not enabled: turn it on in Settings → Web Interface",
                    404,
                    message(r));
        }
        JsonNode response = http.successful(r).json().path("response");
        if (!"success".equals(response.path("result").asText())) {
            throw new UpstreamException.HttpStatus(
                    http.name(),
                    "answered " + cmd + " with an error: "
                            + response.path("message").asText(),
                    r.status(),
                    response.path("message").asText());
        }
        return response.path("data");
    }

    private static String message(UpstreamResponse r) {
        try {
            return r.json().path("response").path("message").asText("HTTP " + r.status());
        } catch (UpstreamException e) {
            return "HTTP " + r.status();
        }
    }
}
