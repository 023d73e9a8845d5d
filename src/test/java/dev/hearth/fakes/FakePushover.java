package dev.hearth.fakes;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Pushover Message API double, written from pushover.net/api: {@code POST /1/messages.json} with form
 * fields {@code token}, {@code user}, {@code message} (required, at most 1024 characters), optional
 * {@code title} (250), {@code priority} (-2 to 2; 2 needs {@code retry} and {@code expire}), {@code device},
 * {@code timestamp}. Success is {@code 200 {"status":1,"request":…}}; a refusal is a 4xx with
 * {@code {"status":0,"errors":[…],"request":…}} and the field named (e.g. {@code "token": "invalid"}).
 */
public final class FakePushover extends FakeHttp {
    private final String token;
    private final String userKey;
    public final List<Map<String, String>> messages = new CopyOnWriteArrayList<>();

    public FakePushover(String token, String userKey) throws IOException {
        this.token = token;
        this.userKey = userKey;
    }

    /** The API's base, as {@code pushover.api_base_url} takes it. */
    public String api() {
        return url() + "/1/";
    }

    @Override
    protected Reply handle(Request r) {
        if (!r.path().equals("/1/messages.json"))
            return Reply.json(404, Map.of("status", 0, "errors", List.of("not found"), "request", id()));
        if (!r.method().equals("POST"))
            return Reply.json(405, Map.of("status", 0, "errors", List.of("method not allowed"), "request", id()));
        Map<String, String> f = r.form();
        if (!token.equals(f.get("token")))
            return refuse("token", "application token is invalid, see https://pushover.net/api");
        if (!userKey.equals(f.get("user")))
            return refuse("user", "user identifier is not a valid user, group, or subscribed user key");
        String message = f.getOrDefault("message", "");
        if (message.isEmpty()) return refuse("message", "message cannot be blank");
        if (message.length() > 1024) return refuse("message", "message is too long (1024 characters max)");
        if (f.getOrDefault("title", "").length() > 250)
            return refuse("title", "title is too long (250 characters max)");
        int priority;
        try {
            priority = Integer.parseInt(f.getOrDefault("priority", "0"));
        } catch (NumberFormatException e) {
            return refuse("priority", "priority is invalid");
        }
        if (priority < -2 || priority > 2) return refuse("priority", "priority is invalid");
        if (priority == 2 && (!f.containsKey("retry") || !f.containsKey("expire")))
            return refuse("retry", "retry and expire are required with priority 2");
        messages.add(f);
        return Reply.json(200, Map.of("status", 1, "request", id()));
    }

    private static Reply refuse(String field, String error) {
        return Reply.json(400, Map.of(field, "invalid", "errors", List.of(error), "status", 0, "request", id()));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
