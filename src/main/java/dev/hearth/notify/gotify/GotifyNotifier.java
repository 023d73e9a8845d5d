package dev.hearth.notify.gotify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.notify.HttpOutcomes;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.Outcome;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamRequest;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** {@code POST /message} with JSON {@code title, message, priority}; the app token goes in {@code X-Gotify-Key}, never the URL. */
final class GotifyNotifier implements Notifier {
    private final UpstreamClient client;
    private final ObjectMapper json;

    GotifyNotifier(UpstreamClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public List<String> destinations() {
        return List.of("app");
    }

    @Override
    public Outcome send(String destination, Notification n, String part) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of(
                    "title", n.title(), "message", part.isEmpty() ? n.title() : part, "priority", priority(n.level())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Outcome.Permanent("cannot write the message as JSON");
        }
        return HttpOutcomes.send(
                client,
                UpstreamRequest.post("message", body, "application/json"),
                r -> OptionalDouble.empty(),
                r -> r.status() == 401 || r.status() == 403
                        ? "the server refused the token (check gotify.token)"
                        : HttpOutcomes.excerpt(r, 200));
    }

    /** Gotify's Android app: 1–3 silent, 4–7 with sound, 8–10 pops up. */
    static int priority(Level level) {
        return switch (level) {
            case INFO -> 2;
            case WARNING -> 5;
            case ERROR -> 7;
            case CRITICAL -> 9;
        };
    }
}
