package dev.hearth.notify.pushover;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.StringJoiner;

/**
 * Sends with {@code POST messages.json}, form-encoded: the token and user key in the body (Pushover takes
 * them nowhere else, so never in a URL), the message cut to 1024 characters, the title to 250, a priority
 * per level. Pushover answers {@code {"status":0,"errors":[…]}} with a 4xx for what it refuses; its errors
 * name the field, never the key.
 */
final class PushoverNotifier implements Notifier {
    private final UpstreamClient client;
    private final PushoverSettings settings;

    PushoverNotifier(UpstreamClient client, PushoverSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public List<String> destinations() {
        return List.of(settings.device().isEmpty() ? "all devices" : settings.device());
    }

    @Override
    public List<String> render(Notification n) {
        return List.of(Texts.truncate(n.message().isEmpty() ? n.title() : n.message(), 1024));
    }

    @Override
    public Outcome send(String destination, Notification n, String part) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", settings.token());
        form.put("user", settings.userKey());
        form.put("title", Texts.truncate(n.title(), 250));
        form.put("message", part);
        form.put("priority", String.valueOf(priority(n.level())));
        form.put("timestamp", String.valueOf(n.time().getEpochSecond()));
        if (!settings.device().isEmpty()) form.put("device", settings.device());
        UpstreamRequest request =
                UpstreamRequest.post("messages.json", encode(form), "application/x-www-form-urlencoded");
        return HttpOutcomes.send(client, request, r -> OptionalDouble.empty(), PushoverNotifier::describe);
    }

    /** Pushover's quiet -1 for info; 1 (high, past the user's quiet hours) for errors and critical; 2 would need a receipt loop. */
    static int priority(Level level) {
        return switch (level) {
            case INFO -> -1;
            case WARNING -> 0;
            case ERROR, CRITICAL -> 1;
        };
    }

    private static String describe(UpstreamResponse r) {
        JsonNode errors = body(r).path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            StringJoiner all = new StringJoiner("; ");
            errors.forEach(e -> all.add(e.asText()));
            return all + (r.status() == 429 ? "" : " (check pushover.token and pushover.user_key)");
        }
        return HttpOutcomes.excerpt(r, 200);
    }

    private static JsonNode body(UpstreamResponse r) {
        try {
            return r.json();
        } catch (UpstreamException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static byte[] encode(Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
