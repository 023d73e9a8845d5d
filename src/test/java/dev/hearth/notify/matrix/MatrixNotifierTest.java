package dev.hearth.notify.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.FakeMatrix;
import dev.hearth.notify.ChannelConfig;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.Notifier;
import dev.hearth.notify.NotifierKinds;
import dev.hearth.notify.Outcome;
import dev.hearth.platform.config.SettingsBinding;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The matrix kind through the registry, against a double of the client-server API's send endpoint. */
class MatrixNotifierTest {
    private static final String TOKEN = "syt_aGVhcnRo_secretsecret_0a1b2c";
    private static final String ROOM = "!homeserver42:example.org";
    private static final Notification DOWN = new Notification(
            Level.ERROR,
            "Service plex is down",
            "HTTP 502 for 1 minute",
            "monitoring",
            "service:plex",
            Instant.parse("2026-12-03T10:00:00Z"));

    private static Notifier notifier(HttpStack stack, MatrixSettings settings) {
        return NotifierKinds.load()
                .make(
                        new ChannelConfig(
                                "room",
                                "matrix",
                                "",
                                "info",
                                List.of(),
                                null,
                                Map.of("matrix", SettingsBinding.tree(settings))),
                        Targets.context(stack))
                .notifier();
    }

    @Test
    void aNotificationIsOneNoticeInTheRoomWithTheTokenAsABearer() throws Exception {
        try (FakeMatrix matrix = new FakeMatrix(TOKEN, ROOM);
                HttpStack stack = Targets.stack()) {
            Notifier n = notifier(stack, new MatrixSettings(matrix.url(), TOKEN, ROOM));

            assertInstanceOf(
                    Outcome.Sent.class, n.send(ROOM, DOWN, n.render(DOWN).getFirst()));

            assertEquals("m.notice", matrix.messages.getFirst().path("msgtype").asText());
            assertEquals(
                    "Service plex is down\n\nHTTP 502 for 1 minute",
                    matrix.messages.getFirst().path("body").asText());
            assertTrue(
                    matrix.requests
                            .getFirst()
                            .path()
                            .contains("/rooms/%21homeserver42%3Aexample.org/send/m.room.message/hearth-"),
                    matrix.requests.getFirst().path());
            assertEquals(null, matrix.requests.getFirst().query(), "no token in the URL");
        }
    }

    /** A crash between the homeserver's answer and Hearth's mark repeats the send: the same transaction, one event. */
    @Test
    void aRepeatedSendIsTheSameTransactionAndTheRoomGetsOneEvent() throws Exception {
        try (FakeMatrix matrix = new FakeMatrix(TOKEN, ROOM);
                HttpStack stack = Targets.stack()) {
            Notifier n = notifier(stack, new MatrixSettings(matrix.url(), TOKEN, ROOM));
            String part = n.render(DOWN).getFirst();

            n.send(ROOM, DOWN, part);
            n.send(ROOM, DOWN, part);

            assertEquals(2, matrix.requests.size());
            assertEquals(1, matrix.messages.size());
        }
    }

    @Test
    void aRateLimitIsAWaitOfRetryAfterMsAndARefusalSaysWhatToCheckWithoutTheToken() throws Exception {
        try (FakeMatrix matrix = new FakeMatrix(TOKEN, ROOM);
                HttpStack stack = Targets.stack()) {
            matrix.rateLimitNext.set(1);
            Outcome.Throttled t = assertInstanceOf(
                    Outcome.Throttled.class,
                    notifier(stack, new MatrixSettings(matrix.url(), TOKEN, ROOM))
                            .send(ROOM, DOWN, "x"));
            assertEquals(Duration.ofMillis(1500), t.retryAfter());

            Outcome.Permanent wrongToken = assertInstanceOf(
                    Outcome.Permanent.class,
                    notifier(stack, new MatrixSettings(matrix.url(), "syt_wrong_token", ROOM))
                            .send(ROOM, DOWN, "x"));
            assertTrue(
                    wrongToken.reason().contains("M_UNKNOWN_TOKEN")
                            && wrongToken.reason().contains("matrix.access_token"),
                    wrongToken.reason());
            assertFalse(wrongToken.reason().contains("syt_"), wrongToken.reason());

            Outcome.Permanent notInRoom = assertInstanceOf(
                    Outcome.Permanent.class,
                    notifier(stack, new MatrixSettings(matrix.url(), TOKEN, "!other:example.org"))
                            .send("!other:example.org", DOWN, "x"));
            assertTrue(
                    notInRoom.reason().contains("M_FORBIDDEN")
                            && notInRoom.reason().contains("matrix.room_id"),
                    notInRoom.reason());
        }
    }

    @Test
    void theAppriseStyleUrlGivesTheBlock() {
        var block = new MatrixKind().fromUrl(URI.create("matrixs://" + TOKEN + "@matrix.example.org/" + ROOM));
        MatrixSettings s = SettingsBinding.bind(block, MatrixSettings.class, "m");
        assertEquals(
                List.of("https://matrix.example.org", TOKEN, ROOM),
                List.of(s.homeserver(), s.accessToken(), s.roomId()));
    }
}
