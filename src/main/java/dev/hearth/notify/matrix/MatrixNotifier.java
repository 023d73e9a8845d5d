package dev.hearth.notify.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.notify.HttpOutcomes;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Sends an {@code m.text} event with {@code PUT /_matrix/client/v3/rooms/{roomId}/send/m.room.message/{txnId}}.
 * The transaction id is derived from the notification and the part, so a retry after a lost answer is the
 * same transaction and the homeserver keeps one event (the only upstream here with an idempotency key).
 * The token rides as a bearer header, never in the URL.
 */
final class MatrixNotifier implements Notifier {
    /** Homeservers accept far more; one event this long is still readable on a phone. */
    private static final int MAX_CHARS = 16_000;

    private final UpstreamClient client;
    private final String roomId;
    private final ObjectMapper json;

    MatrixNotifier(UpstreamClient client, String roomId, ObjectMapper json) {
        this.client = client;
        this.roomId = roomId;
        this.json = json;
    }

    @Override
    public List<String> destinations() {
        return List.of(roomId);
    }

    @Override
    public List<String> render(Notification n) {
        return List.of(Texts.truncate(Texts.plain(n), MAX_CHARS));
    }

    @Override
    public Outcome send(String room, Notification n, String part) {
        Map<String, Object> content = new LinkedHashMap<>();
        // m.notice: the spec's type for automated messages, which bots do not answer.
        content.put("msgtype", "m.notice");
        content.put("body", part);
        byte[] body;
        try {
            body = json.writeValueAsBytes(content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Outcome.Permanent("cannot write the message as JSON");
        }
        String path = "_matrix/client/v3/rooms/" + encode(room) + "/send/m.room.message/" + transaction(n, part);
        // PUT with a transaction id: idempotent by the spec.
        UpstreamRequest request = new UpstreamRequest(
                "PUT", path, Map.of(), Map.of(), body, "application/json", true, java.util.Optional.empty());
        return HttpOutcomes.send(client, request, MatrixNotifier::retryAfter, MatrixNotifier::describe);
    }

    static String transaction(Notification n, String part) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((n.dedupKey() + "|" + n.time() + "|" + part).getBytes(StandardCharsets.UTF_8));
            return "hearth-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code M_LIMIT_EXCEEDED} carries {@code retry_after_ms}. */
    private static OptionalDouble retryAfter(UpstreamResponse r) {
        JsonNode ms = body(r).path("retry_after_ms");
        return ms.isNumber() ? OptionalDouble.of(ms.asDouble() / 1000) : OptionalDouble.empty();
    }

    private static String describe(UpstreamResponse r) {
        JsonNode b = body(r);
        String code = b.path("errcode").asText("");
        String hint = switch (code) {
            case "M_UNKNOWN_TOKEN", "M_MISSING_TOKEN" -> " (check matrix.access_token)";
            case "M_FORBIDDEN" -> " (is the account a member of the room? check matrix.room_id)";
            default -> "";
        };
        return code.isEmpty()
                ? HttpOutcomes.excerpt(r, 200)
                : code + ": " + b.path("error").asText("") + hint;
    }

    private static JsonNode body(UpstreamResponse r) {
        try {
            return r.json();
        } catch (UpstreamException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
