package dev.hearth.web.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.live.LiveHub;
import dev.hearth.platform.security.Authenticator;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /ws}: DESIGN.md's channels. The upgrade request went through the request gate like any other
 * (session cookie, X-API-Key, Bearer, or a one-time {@code ?ticket=}), so every connection here is
 * authenticated; every channel is viewer-level. Clients send
 * {@code {"type":"subscribe","channel":"task_updates","taskId":"..."}} (or {@code task_id}; without it,
 * every task) and {@code {"type":"unsubscribe","channel":...}}; each gets a {@code subscribed} reply.
 * A socket opened with a cookie or a proxy's login came from this site (the gate checked its Origin).
 */
@WebSocket(path = "/ws")
public class LiveSocket {
    private final LiveSockets sockets;
    private final LiveHub hub;
    private final ObjectMapper json;

    public LiveSocket(LiveHub hub, ObjectMapper json, Authenticator authenticator) {
        this.sockets = new LiveSockets(hub, authenticator);
        this.hub = hub;
        this.json = json;
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        LiveHub.Client c = sockets.open(connection, LiveHub.Format.ENVELOPE);
        if (c == null) return;
        c.reply(hub.write(Map.of(
                "type", "welcome", "channels", hub.channels().stream().sorted().toList())));
    }

    @OnTextMessage
    public void message(String text, WebSocketConnection connection) {
        LiveHub.Client c = sockets.client(connection);
        if (c == null) return;
        JsonNode m;
        try {
            m = json.readTree(text);
        } catch (Exception e) {
            c.reply(error("not JSON: send {\"type\":\"subscribe\",\"channel\":\"system_metrics\"}"));
            return;
        }
        String type = m.path("type").asText("");
        String channel = m.path("channel").asText("");
        String key = m.hasNonNull("taskId")
                ? m.get("taskId").asText()
                : m.hasNonNull("task_id") ? m.get("task_id").asText() : null;
        if (!hub.channels().contains(channel)) {
            c.reply(error("unknown channel '" + channel + "'; known: "
                    + hub.channels().stream().sorted().toList()));
            return;
        }
        switch (type) {
            case "subscribe" -> {
                try {
                    c.subscribe(channel, channel.equals("task_updates") ? key : null);
                } catch (IllegalStateException tooMany) {
                    c.reply(error(String.valueOf(tooMany.getMessage())));
                    return;
                }
                Map<String, Object> ok = new LinkedHashMap<>();
                ok.put("type", "subscribed");
                ok.put("channel", channel);
                if (key != null && channel.equals("task_updates")) ok.put("taskId", key);
                c.reply(hub.write(ok));
            }
            case "unsubscribe" -> {
                c.unsubscribe(channel);
                c.reply(hub.write(Map.of("type", "unsubscribed", "channel", channel)));
            }
            default -> c.reply(error("unknown type '" + type + "': subscribe or unsubscribe"));
        }
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        sockets.close(connection);
    }

    @OnError
    public void failed(Throwable error, WebSocketConnection connection) {
        sockets.failed(connection, error);
    }

    private String error(String message) {
        return hub.write(Map.of("type", "error", "error", Map.of("code", "INVALID_INPUT", "message", message)));
    }
}
