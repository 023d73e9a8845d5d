package dev.hearth.downloads.qbittorrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.fakes.FakeQbittorrent5;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 5.x side of the client, which Debian's qBittorrent 4.5.2 cannot show, against a double of 5.2's Web API. */
class Qbittorrent5Test {
    private final HttpStack stack = new HttpStack(JsonMapper.builder().build(), Clock.systemUTC());

    @AfterEach
    void close() {
        stack.close();
    }

    private DownloadClient client(FakeQbittorrent5 daemon, String password) {
        return (DownloadClient) Targets.create(
                stack,
                "qbittorrent",
                "qbit5",
                URI.create(daemon.url()),
                Map.of("username", "admin", "password", password),
                Duration.ofSeconds(3));
    }

    @Test
    void a52LoginAnsweredWith204AndAPortNamedCookieOpensTheSession() throws Exception {
        try (FakeQbittorrent5 daemon = new FakeQbittorrent5("s3cret")) {
            var tasks = client(daemon, "s3cret").list();
            assertEquals(1, tasks.size());
            assertEquals(TaskStatus.PAUSED, tasks.getFirst().status(), "stoppedDL is paused");
            assertEquals(1, daemon.logins.get());
        }
    }

    @Test
    void pauseAndResumeUseThe50NamesStopAndStart() throws Exception {
        try (FakeQbittorrent5 daemon = new FakeQbittorrent5("s3cret")) {
            DownloadClient c = client(daemon, "s3cret");
            c.resume(FakeQbittorrent5.HASH);
            assertEquals(TaskStatus.DOWNLOADING, c.list().getFirst().status());
            c.pause(FakeQbittorrent5.HASH);
            assertEquals(TaskStatus.PAUSED, c.list().getFirst().status());
            assertTrue(
                    daemon.calls.contains("POST torrents/start") && daemon.calls.contains("POST torrents/stop"),
                    daemon.calls.toString());
            assertTrue(daemon.calls.stream()
                    .noneMatch(call -> call.endsWith("torrents/pause") || call.endsWith("torrents/resume")));
        }
    }

    @Test
    void a401ForAWrongPasswordIsOneClearErrorAndNoRetryStorm() throws Exception {
        try (FakeQbittorrent5 daemon = new FakeQbittorrent5("s3cret")) {
            DownloadClient c = client(daemon, "wrong");
            for (int i = 0; i < 10; i++) {
                UpstreamException e = assertThrows(UpstreamException.class, c::list);
                assertEquals("auth_failed", e.reason());
                assertTrue(!e.getMessage().contains("wrong"), "the password never appears in the message");
            }
            assertEquals(1, daemon.logins.get(), "one login attempt, whatever the number of calls");
        }
    }
}
