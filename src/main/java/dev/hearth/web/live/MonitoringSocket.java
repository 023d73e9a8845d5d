package dev.hearth.web.live;

import dev.hearth.platform.live.LiveHub;
import dev.hearth.platform.security.Authenticator;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * The seed's {@code /monitoring} socket (Monsterr): no subscribing, every client gets {@code metrics},
 * {@code alert} and {@code status} messages as {@code {"type": ..., "data": ...}}. Authenticated at the
 * upgrade like {@code /ws}.
 */
@WebSocket(path = "/monitoring")
public class MonitoringSocket {
    private final LiveSockets sockets;

    public MonitoringSocket(LiveHub hub, Authenticator authenticator) {
        this.sockets = new LiveSockets(hub, authenticator);
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        LiveHub.Client c = sockets.open(connection, LiveHub.Format.SEED);
        if (c == null) return;
        c.subscribe("system_metrics", null);
        c.subscribe("alerts", null);
        c.subscribe("service_status", null);
    }

    /** The seed's clients send nothing; anything sent is ignored rather than closing their socket. */
    @OnTextMessage
    public void ignore(String text) {}

    @OnClose
    public void close(WebSocketConnection connection) {
        sockets.close(connection);
    }

    @OnError
    public void failed(Throwable error, WebSocketConnection connection) {
        sockets.failed(connection, error);
    }
}
