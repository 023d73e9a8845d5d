package dev.hearth.downloads.qbittorrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.downloads.AddRequest;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.SessionLogin;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.downloads.clients.ClientSpecs;
import dev.hearth.testing.QbittorrentDaemon;
import dev.hearth.testing.Targets;
import dev.hearth.testing.TorrentFixture;
import dev.hearth.testing.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real qbittorrent-nox 4.5.2 on loopback, one daemon for the class. */
class QbittorrentClientTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    static QbittorrentDaemon daemon;
    static HttpStack stack;
    static QbittorrentClient client;

    @BeforeAll
    static void start() {
        daemon = new QbittorrentDaemon(dir.resolve("qbt"));
        stack = Targets.stack();
        client = create(daemon, QbittorrentDaemon.PASSWORD);
    }

    @AfterAll
    static void stop() {
        stack.close();
        daemon.close();
    }

    static QbittorrentClient create(QbittorrentDaemon d, String password) {
        IntegrationTarget target = Targets.target("qbt", d.url(), Map.of("username", QbittorrentDaemon.USER, "password", password));
        return (QbittorrentClient) new QbittorrentProvider(stack, Clock.systemUTC()).descriptor().factory().create(target);
    }

    @Test
    void aTorrentWhoseDataIsPresentFinishesAndIsListedWithItsNameAndSize() {
        TorrentFixture f = TorrentFixture.create(daemon.downloads(), dir.resolve("torrents"), "present.bin", 300_000);

        String id = client.add(new AddRequest(new AddRequest.Source.TorrentFile("present.bin.torrent", f.torrentBytes()),
                "hearth-tests", daemon.downloads().toString()));

        DownloadTask task = awaitTask(id, t -> t.status().isFinished() && t.progress() == 100);
        assertEquals("present.bin", task.name());
        assertEquals(300_000, task.size());
        assertEquals("hearth-tests", task.category());
        assertEquals(DownloadTask.Type.TORRENT, task.type());
        assertTrue(client.details(id).orElseThrow().files().stream().anyMatch(file -> file.path().equals("present.bin")));
    }

    @Test
    void aMagnetWaitsForMetadataUnderItsBtih() {
        String magnet = TorrentFixture.unknownMagnet("nobody-has-this");

        String id = client.add(new AddRequest(new AddRequest.Source.Url(magnet), null, null));

        assertEquals(TorrentFixture.btih(magnet), id);
        awaitTask(id, t -> t.status() == TaskStatus.METADATA);
    }

    @Test
    void pausingShowsPausedAndResumingLeavesPaused() {
        String id = client.add(new AddRequest(new AddRequest.Source.Url(TorrentFixture.unknownMagnet("pause-me")), null, null));
        awaitTask(id, t -> t.status() == TaskStatus.METADATA);

        client.pause(id);
        awaitTask(id, t -> t.status() == TaskStatus.PAUSED);

        client.resume(id);
        awaitTask(id, t -> t.status() != TaskStatus.PAUSED);
    }

    @Test
    void removingWithoutDataKeepsTheFileAndWithDataDeletesIt() {
        TorrentFixture kept = TorrentFixture.create(daemon.downloads(), dir.resolve("torrents"), "kept.bin", 100_000);
        TorrentFixture deleted = TorrentFixture.create(daemon.downloads(), dir.resolve("torrents"), "deleted.bin", 100_000);
        String keptId = client.add(new AddRequest(new AddRequest.Source.TorrentFile("k.torrent", kept.torrentBytes()), null, null));
        String deletedId = client.add(new AddRequest(new AddRequest.Source.TorrentFile("d.torrent", deleted.torrentBytes()), null, null));
        awaitTask(keptId, t -> t.status().isFinished());
        awaitTask(deletedId, t -> t.status().isFinished());

        client.remove(keptId, false);
        client.remove(deletedId, true);

        Waits.until("both gone from the list", WAIT, () -> client.list().stream().noneMatch(
                t -> t.id().equals(keptId) || t.id().equals(deletedId)));
        assertTrue(Files.exists(kept.data()), "removing without data keeps the file");
        Waits.until("the data of the other deleted", WAIT, () -> !Files.exists(deleted.data()));
        assertEquals(Optional.empty(), client.details(keptId));
    }

    @Test
    void aWrongPasswordIsOneClearAuthFailedAndNeverGetsTheAddressBanned() {
        AtomicInteger logins = new AtomicInteger();
        QbittorrentLogin wrong = new QbittorrentLogin(QbittorrentDaemon.USER, "not-the-password");
        SessionLogin counted = raw -> {
            logins.incrementAndGet();
            wrong.login(raw);
        };
        var spec = ClientSpecs.of(Targets.target("qbt-wrong", daemon.url(), Map.of()))
                .withAuth(AuthStrategy.sessionCookie(counted, r -> r.status() == 403));
        var wrongClient = new QbittorrentClient(client.descriptor(), stack.client(spec), Clock.systemUTC(), Targets.TIMEOUT);

        for (int i = 0; i < 10; i++) {
            UpstreamException.AuthFailed e = assertThrows(UpstreamException.AuthFailed.class, wrongClient::list);
            assertTrue(e.getMessage().contains("refused the user name or password"), e.getMessage());
            assertFalse(e.getMessage().contains("not-the-password"), "the password never shows");
        }
        assertEquals(1, logins.get(), "ten calls, one login attempt");
        Health health = wrongClient.checkHealth();
        assertEquals(Health.Detail.AUTH_ERROR, health.detail());

        // qBittorrent bans after 5 failures: had we retried, the right password would now get 403 too.
        QbittorrentClient right = create(daemon, QbittorrentDaemon.PASSWORD);
        right.list();
        assertEquals(Health.Status.ONLINE, right.checkHealth().status());
    }

    @Test
    void aKilledDaemonFailsWithinTheTimeoutAndTheSameClientRecoversWhenItReturns() {
        client.list();
        daemon.kill();
        try {
            long start = System.nanoTime();
            UpstreamException e = assertThrows(UpstreamException.class, client::list);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Targets.TIMEOUT) < 0, "failed after " + took);
            assertTrue(e instanceof UpstreamException.Unreachable || e instanceof UpstreamException.Timeout, e.toString());
            assertEquals(Health.Detail.COMMUNICATION_ERROR, client.checkHealth().detail());
        } finally {
            daemon.start();
        }
        // A new process: the old session cookie is void, so this also proves the re-login on 403.
        Waits.until("list() working again", WAIT, () -> client.list() != null);
        assertEquals(Health.Status.ONLINE, client.checkHealth().status());
    }

    @Test
    void twoInstancesTransferFiveMegabytesOverLoopback() {
        try (QbittorrentDaemon leecher = new QbittorrentDaemon(dir.resolve("leecher"))) {
            QbittorrentClient leech = create(leecher, QbittorrentDaemon.PASSWORD);
            TorrentFixture f = TorrentFixture.create(daemon.downloads(), dir.resolve("torrents"), "transfer.bin", 5 * 1024 * 1024);
            String id = client.add(new AddRequest(new AddRequest.Source.TorrentFile("t.torrent", f.torrentBytes()), null, null));
            awaitTask(id, t -> t.status() == TaskStatus.SEEDING);

            assertEquals(id, leech.add(new AddRequest(new AddRequest.Source.TorrentFile("t.torrent", f.torrentBytes()), null, null)));
            Waits.until("the leecher knows the torrent", WAIT, () -> leech.details(id).isPresent());
            leech.addPeer(id, "127.0.0.1:" + daemon.peerPort());

            DownloadTask done = Waits.until("downloaded to 100 %", Duration.ofSeconds(60),
                    () -> leech.details(id).orElseThrow().task(), t -> t.progress() == 100 && t.status().isFinished());
            assertEquals(5 * 1024 * 1024, done.size());
            assertTrue(Files.exists(leecher.downloads().resolve("transfer.bin")));
            assertNotEquals(0, leech.stats().downloadedSession(), "the session counted the bytes");
        }
    }

    private static DownloadTask awaitTask(String id, java.util.function.Predicate<DownloadTask> done) {
        return Waits.until("task " + id + " in the expected state", WAIT,
                () -> client.list().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(), done);
    }
}
