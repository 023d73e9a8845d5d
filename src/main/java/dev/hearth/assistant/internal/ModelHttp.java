package dev.hearth.assistant.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.assistant.LlmException;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.CircuitPolicy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import dev.hearth.platform.http.UpstreamSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What both model providers share: one client on Hearth's HTTP stack (the configured base only, no redirects, the
 * configured timeout, no retry: a model call costs money and is not idempotent), and one mapping of failures to
 * {@link LlmException}s whose messages never carry the key.
 */
public final class ModelHttp {
    private final UpstreamClient client;
    private final ObjectMapper json;
    private final String secret;

    public ModelHttp(
            HttpStack http,
            String name,
            URI base,
            Duration timeout,
            AuthStrategy auth,
            Map<String, String> headers,
            String secret) {
        UpstreamSpec spec = UpstreamSpec.of(name, base)
                .withTimeouts(Duration.ofSeconds(5), timeout)
                .withRetry(RetryPolicy.none())
                .withCircuit(CircuitPolicy.defaults())
                .withAuth(auth);
        for (var h : headers.entrySet()) spec = spec.withHeader(h.getKey(), h.getValue());
        this.client = http.client(spec);
        this.json = new ObjectMapper();
        this.secret = secret;
    }

    /** POSTs {@code body} and returns the JSON answer, or throws with a reason the metrics count. */
    public JsonNode post(String path, ObjectNode body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        UpstreamResponse r;
        try {
            r = client.send(
                    UpstreamRequest.post(path, bytes, "application/json").withHeader("Accept", "application/json"));
        } catch (UpstreamException.Timeout e) {
            throw new LlmException("timeout", client.name() + " did not answer within assistant.timeout");
        } catch (UpstreamException e) {
            throw new LlmException("unavailable", scrub(client.name() + " is unreachable: " + e.getMessage()));
        }
        JsonNode answer = parse(r);
        if (r.isSuccess()) {
            if (answer == null)
                throw new LlmException("bad_response", client.name() + " answered something that is not JSON");
            return answer;
        }
        String said = answer == null ? "" : scrub(Renderer.cut(errorMessage(answer), 200));
        String suffix = said.isEmpty() ? "" : ": " + said;
        throw switch (r.status()) {
            case 401, 403 ->
                new LlmException("auth", client.name() + " refused the API key (HTTP " + r.status() + ")" + suffix);
            case 429 ->
                new LlmException("rate_limited", client.name() + " is rate limiting Hearth (HTTP 429)" + suffix);
            case 400, 404, 413, 422 ->
                new LlmException(
                        "bad_request", client.name() + " refused the request (HTTP " + r.status() + ")" + suffix);
            default -> new LlmException("unavailable", client.name() + " failed (HTTP " + r.status() + ")" + suffix);
        };
    }

    private @Nullable JsonNode parse(UpstreamResponse r) {
        try {
            return json.readTree(new String(r.body(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Anthropic: {"error":{"type","message"}}; OpenAI: {"error":{"message","type","code"}}; others: a string. */
    private static String errorMessage(JsonNode answer) {
        JsonNode e = answer.path("error");
        if (e.isTextual()) return e.asText();
        String message = e.path("message").asText("");
        String type = e.path("type").asText("");
        return type.isEmpty() ? message : type + ": " + message;
    }

    private String scrub(String text) {
        return secret.isEmpty() ? text : text.replace(secret, "****");
    }
}
