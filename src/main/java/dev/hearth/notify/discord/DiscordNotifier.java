package dev.hearth.notify.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.notify.HttpOutcomes;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.Outcome;
import dev.hearth.notify.Texts;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Executes the webhook with one embed (title ≤ 256, description ≤ 4096, a colour per level). The token is the
 * last segment of the webhook URL and so the request path; every failure reason is scrubbed of it here.
 */
final class DiscordNotifier implements Notifier {
    private final UpstreamClient client;
    private final String token;
    private final ObjectMapper json;

    DiscordNotifier(UpstreamClient client, String token, ObjectMapper json) {
        this.client = client;
        this.token = token;
        this.json = json;
    }

    @Override
    public List<String> destinations() {
        return List.of("webhook");
    }

    @Override
    public List<String> render(Notification n) {
        return List.of(Texts.truncate(n.message(), 4096));
    }

    @Override
    public Outcome send(String destination, Notification n, String part) {
        Map<String, Object> embed = new java.util.LinkedHashMap<>();
        embed.put("title", Texts.truncate(n.title(), 256));
        if (!part.isEmpty()) embed.put("description", part);
        embed.put("color", colour(n.level()));
        embed.put("timestamp", n.time().toString());
        embed.put(
                "footer",
                Map.of("text", Texts.truncate(n.source() + " · " + n.level().id(), 2048)));
        byte[] body;
        try {
            // allowed_mentions none: a title that contains "@everyone" must not ping a server.
            body = json.writeValueAsBytes(
                    Map.of("embeds", List.of(embed), "allowed_mentions", Map.of("parse", List.of())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Outcome.Permanent("cannot write the message as JSON");
        }
        Outcome o = HttpOutcomes.send(
                client,
                UpstreamRequest.post(token, body, "application/json").withQuery("wait", "true"),
                DiscordNotifier::retryAfter,
                r -> r.status() == 401 || r.status() == 404
                        ? "the webhook was refused or deleted (check discord.webhook_url)"
                        : message(r));
        return switch (o) {
            case Outcome.Transient t -> new Outcome.Transient(t.reason().replace(token, "********"));
            case Outcome.Permanent p -> new Outcome.Permanent(p.reason().replace(token, "********"));
            default -> o;
        };
    }

    private static OptionalDouble retryAfter(UpstreamResponse r) {
        JsonNode v = body(r).path("retry_after");
        return v.isNumber() ? OptionalDouble.of(v.asDouble()) : OptionalDouble.empty();
    }

    private static String message(UpstreamResponse r) {
        String m = body(r).path("message").asText("");
        return m.isEmpty() ? HttpOutcomes.excerpt(r, 200) : m;
    }

    private static JsonNode body(UpstreamResponse r) {
        try {
            return r.json();
        } catch (UpstreamException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static int colour(Level level) {
        return switch (level) {
            case INFO -> 0x3498DB;
            case WARNING -> 0xF1C40F;
            case ERROR -> 0xE67E22;
            case CRITICAL -> 0xE74C3C;
        };
    }
}
