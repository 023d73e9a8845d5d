package dev.hearth.web.live;

import dev.hearth.platform.live.LiveHub;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The connections of both live endpoints, each tied to its hub client. */
final class LiveSockets {
    private final LiveHub hub;
    private final Map<String, LiveHub.Client> clients = new ConcurrentHashMap<>();

    LiveSockets(LiveHub hub) {
        this.hub = hub;
    }

    LiveHub.Client open(WebSocketConnection connection, LiveHub.Format format) {
        LiveHub.Client client = hub.connect(new LiveHub.Sink() {
            @Override
            public java.util.concurrent.CompletionStage<?> send(String text) {
                return connection.sendText(text).subscribeAsCompletionStage();
            }

            @Override
            public void close(int code, String reason) {
                connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {}, failure -> {});
            }
        }, format);
        clients.put(connection.id(), client);
        return client;
    }

    LiveHub.@org.jspecify.annotations.Nullable Client client(WebSocketConnection connection) {
        return clients.get(connection.id());
    }

    void close(WebSocketConnection connection) {
        LiveHub.Client c = clients.remove(connection.id());
        if (c != null) hub.disconnect(c);
    }
}
