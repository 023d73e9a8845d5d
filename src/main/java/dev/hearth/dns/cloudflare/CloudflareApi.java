package dev.hearth.dns.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.dns.DnsException;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Cloudflare API v4 calls Hearth makes, each through the {@link RequestBudget}. Every answer is the envelope
 * {@code {success, errors[{code, message}], messages, result, result_info?}}; a refusal becomes a
 * {@link DnsException} with Cloudflare's own message.
 */
public final class CloudflareApi {
    /** "An A, AAAA, or CNAME record with that host already exists", and its relatives. */
    private static final Set<Integer> RECORD_CONFLICTS = Set.of(81053, 81054, 81055, 81056, 81057, 81058);

    private static final Set<Integer> AUTH = Set.of(10000, 9106, 9109, 6003, 6111);
    private static final Duration DEFAULT_BLOCK = Duration.ofMinutes(5);

    private final UpstreamClient client;
    private final RequestBudget budget;
    private final ObjectMapper json;
    private final Duration timeout;

    public CloudflareApi(UpstreamClient client, RequestBudget budget, ObjectMapper json, Duration timeout) {
        this.client = client;
        this.budget = budget;
        this.json = json;
        this.timeout = timeout;
    }

    public JsonNode get(String path) {
        return call(UpstreamRequest.get(path));
    }

    /** Every page of a list ({@code per_page} 100), joined. */
    public List<JsonNode> list(String path) {
        List<JsonNode> all = new ArrayList<>();
        int page = 1;
        while (true) {
            String sep = path.contains("?") ? "&" : "?";
            JsonNode envelope = envelope(UpstreamRequest.get(path + sep + "page=" + page + "&per_page=100"));
            envelope.path("result").forEach(all::add);
            int pages = envelope.path("result_info").path("total_pages").asInt(1);
            if (page >= pages || envelope.path("result").isEmpty()) return all;
            page++;
        }
    }

    public JsonNode send(String method, String path, Object body) {
        try {
            UpstreamRequest r = new UpstreamRequest(
                    method,
                    path,
                    java.util.Map.of(),
                    java.util.Map.of(),
                    json.writeValueAsBytes(body),
                    "application/json",
                    !method.equals("POST"),
                    java.util.Optional.empty());
            return call(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode delete(String path) {
        return call(UpstreamRequest.of("DELETE", path));
    }

    private JsonNode call(UpstreamRequest request) {
        return envelope(request).path("result");
    }

    private JsonNode envelope(UpstreamRequest request) {
        budget.acquire(timeout);
        UpstreamResponse r;
        try {
            r = client.send(request);
        } catch (UpstreamException e) {
            throw new DnsException(
                    DnsException.Kind.UNAVAILABLE,
                    "Cloudflare cannot be reached (" + e.reason() + "): " + e.getMessage());
        }
        if (r.status() == 429) {
            Duration wait =
                    r.header("Retry-After").flatMap(CloudflareApi::seconds).orElse(DEFAULT_BLOCK);
            budget.block(wait);
            throw new DnsException(
                    DnsException.Kind.RATE_LIMITED,
                    "Cloudflare's rate limit (1,200 calls per 5 minutes) was reached; " + "no call for "
                            + wait.toSeconds() + " s",
                    wait.toSeconds());
        }
        JsonNode body;
        try {
            body = r.json();
        } catch (RuntimeException e) {
            throw new DnsException(
                    DnsException.Kind.UNAVAILABLE, "Cloudflare answered " + r.status() + " without its JSON envelope");
        }
        if (body.path("success").asBoolean(false) && r.isSuccess()) return body;
        JsonNode first = body.path("errors").path(0);
        int code = first.path("code").asInt(0);
        String message = "Cloudflare: " + first.path("message").asText("error " + r.status())
                + (code == 0 ? "" : " (code " + code + ")");
        if (r.status() == 401 || r.status() == 403 || AUTH.contains(code)) {
            throw new DnsException(
                    DnsException.Kind.AUTH, message + "; check dns.cloudflare.api_token and its permissions");
        }
        if (RECORD_CONFLICTS.contains(code)) throw new DnsException(DnsException.Kind.CONFLICT, message);
        if (r.status() == 404) throw new DnsException(DnsException.Kind.NOT_FOUND, message);
        if (r.status() >= 500) throw new DnsException(DnsException.Kind.UNAVAILABLE, message);
        throw new DnsException(DnsException.Kind.REFUSED, message);
    }

    private static java.util.Optional<Duration> seconds(String header) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
