package dev.hearth.notify.ntfy;

import dev.hearth.notify.HttpOutcomes;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.Outcome;
import dev.hearth.notify.Texts;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Publishes with {@code POST /<topic>}: the message as the body, title, priority and tags as headers, the token
 * as a bearer. A non-ASCII title goes as an RFC 2047 encoded word, which ntfy decodes.
 */
final class NtfyNotifier implements Notifier {
    /** ntfy turns longer bodies into attachments; keep to a message. */
    private static final int MAX_BYTES_AS_CHARS = 4000;

    private final UpstreamClient client;
    private final String topic;

    NtfyNotifier(UpstreamClient client, String topic) {
        this.client = client;
        this.topic = topic;
    }

    @Override
    public List<String> destinations() {
        return List.of(topic);
    }

    @Override
    public List<String> render(Notification n) {
        String body = n.message().isEmpty() ? n.title() : n.message();
        return List.of(Texts.truncate(body, MAX_BYTES_AS_CHARS));
    }

    @Override
    public Outcome send(String topic, Notification n, String part) {
        UpstreamRequest request = UpstreamRequest.post(
                        topic, part.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8")
                .withHeader("Title", header(Texts.truncate(n.title(), 250)))
                .withHeader("Priority", String.valueOf(priority(n.level())))
                .withHeader("Tags", tags(n.level()));
        return HttpOutcomes.send(client, request, r -> OptionalDouble.empty(), r -> HttpOutcomes.excerpt(r, 200));
    }

    static int priority(Level level) {
        return switch (level) {
            case INFO -> 3;
            case WARNING -> 4;
            case ERROR -> 4;
            case CRITICAL -> 5;
        };
    }

    private static String tags(Level level) {
        return switch (level) {
            case INFO -> "information_source";
            case WARNING -> "warning";
            case ERROR -> "x";
            case CRITICAL -> "rotating_light";
        };
    }

    private static String header(String value) {
        boolean ascii = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return ascii
                ? value
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
