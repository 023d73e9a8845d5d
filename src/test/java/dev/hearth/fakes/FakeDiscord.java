package dev.hearth.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Discord webhook double for {@code POST /api/webhooks/<id>/<token>}: unknown id or token is 404 "Unknown
 * Webhook"; the JSON needs {@code content} (≤ 2000) or {@code embeds} (≤ 10, title ≤ 256, description ≤ 4096);
 * more than 5 requests in 2 s answers 429 with {@code retry_after} (seconds) and {@code global}.
 */
public final class FakeDiscord extends FakeHttp {
    private final String id;
    private final String token;
    private final java.util.ArrayDeque<Long> recent = new java.util.ArrayDeque<>();
    public final List<JsonNode> executed = new CopyOnWriteArrayList<>();
    public final List<String> queries = new CopyOnWriteArrayList<>();
    private int throttleNext;

    public FakeDiscord(String id, String token) throws IOException {
        this.id = id;
        this.token = token;
    }

    public String webhookUrl() {
        return url() + "/api/webhooks/" + id + "/" + token;
    }

    public synchronized void throttleNext(int times) {
        throttleNext = times;
    }

    @Override
    protected synchronized Reply handle(Request r) {
        if (!r.path().equals("/api/webhooks/" + id + "/" + token))
            return Reply.json(404, Map.of("message", "Unknown Webhook", "code", 10015));
        if (!r.method().equals("POST")) return Reply.json(405, Map.of("message", "405: Method Not Allowed", "code", 0));
        long now = r.arrivedAtMs();
        while (!recent.isEmpty() && recent.peekFirst() <= now - 2000) recent.removeFirst();
        if (throttleNext > 0 || recent.size() >= 5) {
            if (throttleNext > 0) throttleNext--;
            return Reply.json(
                    429, Map.of("message", "You are being rate limited.", "retry_after", 0.3, "global", false));
        }
        JsonNode body = r.json();
        String content = body.path("content").asText("");
        JsonNode embeds = body.path("embeds");
        if (content.isEmpty() && (!embeds.isArray() || embeds.isEmpty())) {
            return Reply.json(400, Map.of("message", "Cannot send an empty message", "code", 50006));
        }
        if (content.length() > 2000 || embeds.size() > 10)
            return Reply.json(400, Map.of("message", "Invalid Form Body", "code", 50035));
        for (JsonNode e : embeds) {
            if (e.path("title").asText("").length() > 256
                    || e.path("description").asText("").length() > 4096) {
                return Reply.json(400, Map.of("message", "Invalid Form Body", "code", 50035));
            }
        }
        recent.addLast(now);
        executed.add(body);
        queries.add(String.valueOf(r.query()));
        return Reply.json(200, Map.of("id", String.valueOf(executed.size()), "channel_id", "42", "embeds", embeds));
    }
}
