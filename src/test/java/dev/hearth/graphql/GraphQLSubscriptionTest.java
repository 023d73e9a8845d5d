package dev.hearth.graphql;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.testing.Api;
import dev.hearth.testing.TorrentFixture;
import dev.hearth.testing.Waits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions over graphql-transport-ws with the JDK's own WebSocket client: a real qBittorrent task's
 * progress and state as the live hub publishes them, the host's metrics, and no socket without a key.
 */
@QuarkusTest
@TestProfile(QbittorrentLiveProfile.class)
class GraphQLSubscriptionTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/graphql")
    URL graphql;

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    /** One graphql-transport-ws connection: what the server sent, one message a line, in order. */
    private static final class Socket implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        static Socket open(URL graphql, String key) {
            Socket s = new Socket();
            URI uri = URI.create(graphql.toString().replaceFirst("^http", "ws"));
            s.ws = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .header("X-API-Key", key)
                    .subprotocols("graphql-transport-ws")
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, s)
                    .join();
            return s;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(Object message) throws Exception {
            ws.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        }

        /** The next message of that type, skipping pings; fails at the deadline. */
        JsonNode next(String type) throws InterruptedException {
            long end = System.nanoTime() + WITHIN.toNanos();
            while (System.nanoTime() < end) {
                JsonNode m = received.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (m == null) break;
                if (m.path("type").asText().equals(type)) return m;
                if (m.path("type").asText().equals("error")) throw new AssertionError("error from the server: " + m);
            }
            throw new AssertionError("no '" + type + "' message within " + WITHIN);
        }

        void init() throws Exception {
            send(Map.of("type", "connection_init", "payload", Map.of()));
            next("connection_ack");
        }

        @Override
        public void close() {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    private static String uploadFinishedTorrent() {
        TorrentFixture f = TorrentFixture.create(
                QbittorrentLiveProfile.downloads(),
                QbittorrentLiveProfile.DIR.resolve("torrents"),
                "graphql-" + Long.toHexString(ThreadLocalRandom.current().nextLong()),
                64 * 1024 + 7);
        return Api.as("operator")
                .multiPart("torrent", f.name() + ".torrent", f.torrentBytes(), "application/x-bittorrent")
                .multiPart("client", "qbittorrent")
                .multiPart("destination", QbittorrentLiveProfile.downloads().toString())
                .post("/api/v1/downloads")
                .then()
                .statusCode(201)
                .extract()
                .path("task_id");
    }

    private static String status(String id) {
        return Api.as("viewer")
                .get("/api/v1/tasks/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    @Test
    void taskProgressFollowsARealQbittorrentTask() throws Exception {
        String id = uploadFinishedTorrent();
        // qBittorrent checks the data that is already there: the poller sees it complete and seeding
        Waits.until(id + " seeding", WITHIN, () -> status(id), "seeding"::equals);

        try (Socket s = Socket.open(graphql, Api.key("viewer"))) {
            s.init();
            s.send(Map.of(
                    "id", "1",
                    "type", "subscribe",
                    "payload",
                            Map.of(
                                    "query",
                                    "subscription($t: String!) { taskProgress(taskId: $t) "
                                            + "{ taskId progress speed eta status } }",
                                    "variables",
                                    Map.of("t", id))));
            JsonNode first = s.next("next").path("payload").path("data").path("taskProgress");
            assertEquals(id, first.path("taskId").asText());
            assertEquals(100.0, first.path("progress").asDouble());
            assertEquals("seeding", first.path("status").asText());
            assertTrue(first.path("speed").asText().endsWith("/s"), first.toString());
            assertInstanceOf(String.class, first.path("eta").asText());

            // Pausing a finished torrent in qBittorrent stops its seeding: the poller reads the change from the
            // daemon, the live hub publishes it, and the subscription carries it.
            Api.as("operator").post("/api/v1/tasks/" + id + "/pause").then().statusCode(200);
            JsonNode update;
            do {
                update = s.next("next").path("payload").path("data").path("taskProgress");
            } while (update.path("status").asText().equals("seeding"));
            assertEquals(id, update.path("taskId").asText());
            assertEquals("completed", update.path("status").asText());
            assertEquals(100.0, update.path("progress").asDouble());

            s.send(Map.of("id", "1", "type", "complete"));
        }
    }

    @Test
    void anUnknownTaskIsAnErrorWithHearthsCode() throws Exception {
        try (Socket s = Socket.open(graphql, Api.key("viewer"))) {
            s.init();
            s.send(Map.of(
                    "id", "7",
                    "type", "subscribe",
                    "payload",
                            Map.of(
                                    "query",
                                    "subscription { taskProgress(taskId: \"qbittorrent:nope\") { progress } }")));
            JsonNode m;
            do {
                m = s.received.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
                if (m == null) throw new AssertionError("no answer to a subscription of an unknown task");
            } while (m.path("type").asText().equals("ping")
                    || m.path("type").asText().equals("pong"));
            JsonNode errors = m.path("type").asText().equals("error")
                    ? m.path("payload")
                    : m.path("payload").path("errors");
            assertEquals(
                    "NOT_FOUND", errors.path(0).path("extensions").path("code").asText(), m.toString());
        }
    }

    @Test
    void systemMetricsStreamsEachHostSample() throws Exception {
        try (Socket s = Socket.open(graphql, Api.key("viewer"))) {
            s.init();
            s.send(Map.of(
                    "id", "2",
                    "type", "subscribe",
                    "payload",
                            Map.of(
                                    "query",
                                    "subscription { systemMetrics "
                                            + "{ timestamp cpuUsage memoryUsage diskUsage networkIn networkOut } }")));
            JsonNode a = s.next("next").path("payload").path("data").path("systemMetrics");
            JsonNode b;
            do {
                b = s.next("next").path("payload").path("data").path("systemMetrics");
            } while (b.path("timestamp").asText().equals(a.path("timestamp").asText()));
            for (JsonNode m : new JsonNode[] {a, b}) {
                assertTrue(m.path("memoryUsage").asDouble() > 0, m.toString());
                assertTrue(m.path("diskUsage").asDouble() > 0, m.toString());
                assertTrue(m.path("networkIn").asDouble() >= 0, m.toString());
                assertTrue(m.path("timestamp").asText().matches("\\d{4}-.*"), m.toString());
            }
        }
    }

    @Test
    void noSocketWithoutAKey() {
        URI uri = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                CompletionException.class,
                () -> HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .subprotocols("graphql-transport-ws")
                        .buildAsync(uri, new WebSocket.Listener() {})
                        .join());
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(401, handshake.getResponse().statusCode());
        Api.anonymous().get("/graphql").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }
}
