package dev.hearth.notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.notify.HttpOutcomes;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.Outcome;
import dev.hearth.notify.Texts;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Sends with {@code sendMessage} in MarkdownV2: a bold title, then the escaped message, split at 4096. The
 * client's base URL carries {@code /bot<token>/}, so the request path is just the method and no error message
 * of the HTTP stack can quote the token.
 */
final class TelegramNotifier implements Notifier {
    private final UpstreamClient client;
    private final List<String> chatIds;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    TelegramNotifier(UpstreamClient client, List<String> chatIds, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.client = client;
        this.chatIds = List.copyOf(chatIds);
        this.json = json;
    }

    @Override
    public List<String> destinations() {
        return chatIds;
    }

    @Override
    public List<String> render(Notification n) {
        String header = "*" + MarkdownV2.escape(icon(n.level()) + " " + Texts.truncate(n.title(), 256)) + "*";
        if (n.message().isEmpty()) return List.of(header);
        return MarkdownV2.split(header + "\n", n.message());
    }

    @Override
    public Outcome send(String chatId, Notification n, String part) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", part);
        body.put("parse_mode", "MarkdownV2");
        // Info arrives silently; a person is woken only for what needs them.
        if (n.level() == Level.INFO) body.put("disable_notification", true);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Outcome.Permanent("cannot write the message as JSON");
        }
        UpstreamRequest request = UpstreamRequest.post("sendMessage", bytes, "application/json");
        return HttpOutcomes.send(client, request, TelegramNotifier::retryAfter, TelegramNotifier::describe);
    }

    private static OptionalDouble retryAfter(UpstreamResponse r) {
        JsonNode v = envelope(r).path("parameters").path("retry_after");
        return v.isNumber() ? OptionalDouble.of(v.asDouble()) : OptionalDouble.empty();
    }

    /** Telegram's own {@code description} ("Bad Request: chat not found"), which never holds the token. */
    private static String describe(UpstreamResponse r) {
        String d = envelope(r).path("description").asText("");
        String hint = switch (r.status()) {
            case 401, 404 -> " (check bot_token)";
            case 403 -> " (was the bot blocked or removed from the chat?)";
            default -> "";
        };
        return (d.isEmpty() ? HttpOutcomes.excerpt(r, 200) : d) + hint;
    }

    private static JsonNode envelope(UpstreamResponse r) {
        try {
            return r.json();
        } catch (dev.hearth.platform.http.UpstreamException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static String icon(Level level) {
        return switch (level) {
            case INFO -> "ℹ️";
            case WARNING -> "⚠️";
            case ERROR -> "❌";
            case CRITICAL -> "🚨";
        };
    }
}
