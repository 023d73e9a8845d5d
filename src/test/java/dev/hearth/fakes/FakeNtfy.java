package dev.hearth.fakes;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An ntfy server double for publishing as ntfy does it: PUT or POST to {@code /<topic>} (topic 1–64 of
 * {@code [-_A-Za-z0-9]}), the body as the message, {@code Title}, {@code Priority} (1–5 or min/low/default/high/
 * max/urgent) and {@code Tags} headers; a protected topic needs {@code Authorization: Bearer <token>} (401/403).
 */
public final class FakeNtfy extends FakeHttp {
    private static final Set<String> PRIORITY_WORDS =
            Set.of("min", "low", "default", "high", "max", "urgent", "1", "2", "3", "4", "5");

    public record Published(String topic, String title, String priority, String tags, String message) {}

    private final String topic;
    private final String token;
    public final List<Published> published = new CopyOnWriteArrayList<>();

    public FakeNtfy(String topic, String token) throws IOException {
        this.topic = topic;
        this.token = token;
    }

    @Override
    protected Reply handle(Request r) {
        if (!r.method().equals("POST") && !r.method().equals("PUT")) return error(405, "method not allowed");
        String t = r.path().substring(1);
        if (!t.matches("[-_A-Za-z0-9]{1,64}")) return error(404, "page not found");
        String auth = r.header("Authorization");
        if (!token.isEmpty() && auth == null) return error(403, "forbidden");
        if (!token.isEmpty() && !auth.equals("Bearer " + token)) return error(401, "unauthorized");
        if (!t.equals(topic)) return error(403, "forbidden");
        String priority = r.header("Priority");
        if (priority != null && !PRIORITY_WORDS.contains(priority)) return error(400, "invalid priority");
        if (r.body().length > 4096) return error(413, "message too large, use an attachment");
        published.add(new Published(t, r.header("Title"), priority, r.header("Tags"), r.text()));
        return Reply.json(
                200,
                Map.of(
                        "id",
                        "m" + published.size(),
                        "time",
                        System.currentTimeMillis() / 1000,
                        "event",
                        "message",
                        "topic",
                        t,
                        "message",
                        r.text()));
    }

    private static Reply error(int status, String message) {
        return Reply.json(status, Map.of("code", status * 100 + 1, "http", status, "error", message));
    }
}
