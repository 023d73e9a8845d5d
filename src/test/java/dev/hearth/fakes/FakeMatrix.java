package dev.hearth.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Matrix homeserver double for one endpoint of the client-server API (spec v1.x, "Sending events to a
 * room"): {@code PUT /_matrix/client/v3/rooms/{roomId}/send/{eventType}/{txnId}} with
 * {@code Authorization: Bearer <access token>}. Errors as the spec shapes them: 401 {@code M_MISSING_TOKEN}
 * or {@code M_UNKNOWN_TOKEN}, 403 {@code M_FORBIDDEN} for a room the account is not in, 400 {@code M_BAD_JSON},
 * 429 {@code M_LIMIT_EXCEEDED} with {@code retry_after_ms}. A transaction id seen before answers the same
 * event id and stores nothing new: the spec's idempotency of {@code txnId} per access token.
 */
public final class FakeMatrix extends FakeHttp {
    private static final String PREFIX = "/_matrix/client/v3/rooms/";
    private final String token;
    private final String room;
    private final Map<String, String> transactions = new ConcurrentHashMap<>();
    private final AtomicInteger events = new AtomicInteger();
    /** Events stored in the room, in order. */
    public final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    /** The next this many sends are answered 429. */
    public final AtomicInteger rateLimitNext = new AtomicInteger();

    public FakeMatrix(String token, String room) throws IOException {
        this.token = token;
        this.room = room;
    }

    @Override
    protected Reply handle(Request r) {
        if (!r.path().startsWith(PREFIX)) return error(404, "M_UNRECOGNIZED", "Unrecognized request");
        String[] parts = r.path().substring(PREFIX.length()).split("/");
        if (parts.length != 4 || !parts[1].equals("send")) return error(404, "M_UNRECOGNIZED", "Unrecognized request");
        if (!r.method().equals("PUT")) return error(405, "M_UNRECOGNIZED", "Unrecognized request");
        String auth = r.header("Authorization");
        if (auth == null) return error(401, "M_MISSING_TOKEN", "Missing access token");
        if (!auth.equals("Bearer " + token)) return error(401, "M_UNKNOWN_TOKEN", "Invalid access token passed.");
        String roomId = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        if (!roomId.equals(room)) return error(403, "M_FORBIDDEN", "User @hearth:example.org not in room " + roomId);
        if (rateLimitNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Reply.json(
                    429, Map.of("errcode", "M_LIMIT_EXCEEDED", "error", "Too Many Requests", "retry_after_ms", 1500));
        }
        JsonNode content = r.json();
        if (!content.isObject()
                || !content.path("msgtype").isTextual()
                || !content.path("body").isTextual()) {
            return error(400, "M_BAD_JSON", "Content must have msgtype and body");
        }
        String txn = parts[3];
        String eventId = transactions.computeIfAbsent(txn, t -> {
            messages.add(content);
            return "$event" + events.incrementAndGet();
        });
        return Reply.json(200, Map.of("event_id", eventId));
    }

    private static Reply error(int status, String code, String message) {
        return Reply.json(status, Map.of("errcode", code, "error", message));
    }
}
