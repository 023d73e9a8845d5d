package dev.hearth.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Gotify server double for {@code POST /message}: the app token as {@code X-Gotify-Key} or {@code ?token=}
 * (401 otherwise), a JSON body with a required non-empty {@code message}, optional {@code title} and integer
 * {@code priority}; answers the stored message with its id, as Gotify does.
 */
public final class FakeGotify extends FakeHttp {
    private final String token;
    public final List<JsonNode> messages = new CopyOnWriteArrayList<>();

    public FakeGotify(String token) throws IOException {
        this.token = token;
    }

    @Override
    protected Reply handle(Request r) {
        if (!r.path().equals("/message")) return error(404, "Not Found", "page not found");
        if (!r.method().equals("POST")) return error(405, "Method Not Allowed", "method not allowed");
        String key = r.header("X-Gotify-Key");
        if (key == null && r.query() != null && r.query().startsWith("token="))
            key = r.query().substring("token=".length());
        if (key == null || !key.equals(token))
            return error(
                    401,
                    "Unauthorized",
                    "you need to provide a valid access token or user credentials to access this api");
        JsonNode body = r.json();
        if (!body.isObject()
                || !body.path("message").isTextual()
                || body.path("message").asText().isEmpty()) {
            return error(400, "Bad Request", "Field 'message' is required");
        }
        if (body.has("priority") && !body.get("priority").isInt())
            return error(400, "Bad Request", "Field 'priority' must be an integer");
        messages.add(body);
        return Reply.json(
                200,
                Map.of(
                        "id",
                        messages.size(),
                        "appid",
                        1,
                        "message",
                        body.path("message").asText(),
                        "title",
                        body.path("title").asText(""),
                        "priority",
                        body.path("priority").asInt(0),
                        "date",
                        "2026-11-23T10:00:00Z"));
    }

    private static Reply error(int status, String name, String description) {
        return Reply.json(status, Map.of("error", name, "errorCode", status, "errorDescription", description));
    }
}
