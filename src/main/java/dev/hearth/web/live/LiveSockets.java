package dev.hearth.web.live;

import dev.hearth.platform.live.LiveHub;
import dev.hearth.platform.security.Authenticator;
import dev.hearth.platform.security.Caller;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/** The connections of both live endpoints, each tied to its hub client and its caller. */
final class LiveSockets {
    private static final Logger LOG = Logger.getLogger(LiveSockets.class);
    private final LiveHub hub;
    private final Authenticator authenticator;
    private final Map<String, LiveHub.Client> clients = new ConcurrentHashMap<>();

    LiveSockets(LiveHub hub, Authenticator authenticator) {
        this.hub = hub;
        this.authenticator = authenticator;
    }

    /** The hub's client for a new connection, or nothing (the connection closed) when its caller holds too many. */
    LiveHub.@Nullable Client open(WebSocketConnection connection, LiveHub.Format format) {
        Caller caller = connection.userData().get(LiveUpgrade.CALLER);
        if (caller == null) {
            quietClose(connection, new CloseReason(LiveHub.POLICY_VIOLATION, "not authenticated"));
            return null;
        }
        LiveHub.Client client = hub.connect(
                        new LiveHub.Sink() {
                            @Override
                            public java.util.concurrent.CompletionStage<?> send(String text) {
                                return connection.sendText(text).subscribeAsCompletionStage();
                            }

                            @Override
                            public void close(int code, String reason) {
                                quietClose(connection, new CloseReason(code, reason));
                            }
                        },
                        format,
                        caller.id(),
                        () -> authenticator.stillValid(caller))
                .orElse(null);
        if (client == null) {
            // two upgrades raced past the check: the cap still holds
            quietClose(connection, new CloseReason(LiveHub.TRY_AGAIN_LATER, "too many live sockets for this caller"));
            return null;
        }
        clients.put(connection.id(), client);
        return client;
    }

    LiveHub.@Nullable Client client(WebSocketConnection connection) {
        return clients.get(connection.id());
    }

    void close(WebSocketConnection connection) {
        LiveHub.Client c = clients.remove(connection.id());
        if (c != null) hub.disconnect(c);
    }

    /**
     * A connection that failed. A client that went away without a closing handshake (a phone leaving
     * Wi-Fi, a reset) is normal life for a live socket: one INFO line, no stack trace. Anything else is a
     * warning, still without a stack trace: the connection is gone either way.
     */
    void failed(WebSocketConnection connection, Throwable error) {
        close(connection);
        if (wentAway(error)) {
            LOG.infof(
                    "Live client went away without closing (%s)",
                    error.getClass().getSimpleName() + ": " + error.getMessage());
        } else {
            LOG.warnf("Live socket failed: %s: %s", error.getClass().getSimpleName(), error.getMessage());
        }
        quietClose(connection, CloseReason.INTERNAL_SERVER_ERROR);
    }

    private static boolean wentAway(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof ClosedChannelException) return true;
        }
        return false;
    }

    private static void quietClose(WebSocketConnection connection, CloseReason reason) {
        if (connection.isClosed()) return;
        connection.close(reason).subscribe().with(ok -> {}, failure -> {});
    }
}
