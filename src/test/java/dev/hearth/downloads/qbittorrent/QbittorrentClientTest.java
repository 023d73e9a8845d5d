package dev.hearth.downloads.qbittorrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.downloads.AddRequest;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.downloads.clients.ClientSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.SessionLogin;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.testing.DownloadClientContract;
import dev.hearth.testing.QbittorrentDaemon;
import dev.hearth.testing.Targets;
import dev.hearth.testing.TorrentFixture;
import dev.hearth.testing.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real qbittorrent-nox 4.5.2 on loopback, one daemon for the class. */
class QbittorrentClientTest extends DownloadClientContract {

    Path dir;
    QbittorrentDaemon daemon;
    HttpStack stack;
    QbittorrentClient client;

    @BeforeAll
    void start(@TempDir Path tmp) {
        dir = tmp;
        daemon = new QbittorrentDaemon(dir.resolve("qbt"));
        stack = Targets.stack();
        client = create(daemon, QbittorrentDaemon.PASSWORD);
    }

    @AfterAll
    void stop() {
        stack.close();
        daemon.close();
    }

    @Override
    protected String kind() {
        return "qbittorrent";
    }

    @Override
    protected DownloadClient client() {
        return client;
    }

    @Override
    protected Path downloads() {
        return daemon.downloads();
    }

    @Override
    protected Path scratch() {
        return dir.resolve("torrents");
    }

    @Override
    protected DownloadClient clientWithWrongCredentials() {
        return create(daemon, "not-the-password");
    }

    @Override
    protected void killDaemon() {
        daemon.kill();
    }

    @Override
    protected void startDaemon() {
        // A new process: the old session cookie is void, so recovering also proves the re-login on 403.
        daemon.start();
    }

    QbittorrentClient create(QbittorrentDaemon d, String password) {
        return (QbittorrentClient) Targets.create(
                stack, "qbittorrent", "qbt", d.url(), Map.of("username", QbittorrentDaemon.USER, "password", password));
    }

    @Test
    void tenCallsWithAWrongPasswordMakeOneLoginAttemptAndNeverGetTheAddressBanned() {
        AtomicInteger logins = new AtomicInteger();
        QbittorrentLogin wrong = new QbittorrentLogin(QbittorrentDaemon.USER, "not-the-password");
        SessionLogin counted = raw -> {
            logins.incrementAndGet();
            wrong.login(raw);
        };
        var spec = ClientSpecs.of(new IntegrationTarget<>(
                        "qbt-wrong", daemon.url(), new QbittorrentSettings(null, null), Targets.TIMEOUT))
                .withAuth(AuthStrategy.sessionCookie(counted, r -> r.status() == 403));
        var wrongClient = new QbittorrentClient(stack.client(spec), Clock.systemUTC(), Targets.TIMEOUT);

        for (int i = 0; i < 10; i++) {
            UpstreamException.AuthFailed e = assertThrows(UpstreamException.AuthFailed.class, wrongClient::list);
            assertTrue(e.getMessage().contains("refused the user name or password"), e.getMessage());
        }

        assertEquals(1, logins.get(), "ten calls, one login attempt");
        // qBittorrent bans after 5 failures: had we retried, the right password would now get 403 too.
        QbittorrentClient right = create(daemon, QbittorrentDaemon.PASSWORD);
        right.list();
        assertEquals(Health.Status.ONLINE, right.poll().health().status());
    }

    @Test
    void twoInstancesTransferFiveMegabytesOverLoopback() {
        try (QbittorrentDaemon leecher = new QbittorrentDaemon(dir.resolve("leecher"))) {
            QbittorrentClient leech = create(leecher, QbittorrentDaemon.PASSWORD);
            TorrentFixture f = TorrentFixture.create(daemon.downloads(), scratch(), "transfer.bin", 5 * 1024 * 1024);
            String id = client.add(
                    new AddRequest(new AddRequest.Source.TorrentFile("t.torrent", f.torrentBytes()), null, null));
            awaitTask(id, t -> t.status() == TaskStatus.SEEDING);

            assertEquals(
                    id,
                    leech.add(new AddRequest(
                            new AddRequest.Source.TorrentFile("t.torrent", f.torrentBytes()), null, null)));
            Waits.until(
                    "the leecher knows the torrent",
                    WAIT,
                    () -> leech.details(id).isPresent());
            leech.addPeer(id, "127.0.0.1:" + daemon.peerPort());

            DownloadTask done = Waits.until(
                    "downloaded to 100 %",
                    Duration.ofSeconds(60),
                    () -> leech.details(id).orElseThrow().task(),
                    t -> t.progress() == 100 && t.status().isFinished());
            assertEquals(5 * 1024 * 1024, done.size());
            assertTrue(Files.exists(leecher.downloads().resolve("transfer.bin")));
            assertNotEquals(0, leech.stats().downloadedSession(), "the session counted the bytes");
        }
    }

    /** The Web UI behind a reverse proxy's sub-path, written with and without a trailing slash, and with its API path. */
    @Test
    void theWebUiBehindAReverseProxySubPathWorksHoweverItsAddressIsWritten() {
        try (dev.hearth.testing.SubPathProxy proxy = new dev.hearth.testing.SubPathProxy(daemon.url(), "qbittorrent")) {
            String base = proxy.url().toString();
            for (String written : new String[] {base, base.substring(0, base.length() - 1), base + "api/v2"}) {
                DownloadClient c = (DownloadClient) Targets.create(
                        stack,
                        "qbittorrent",
                        "qbt-proxied",
                        java.net.URI.create(written),
                        Map.of("username", QbittorrentDaemon.USER, "password", QbittorrentDaemon.PASSWORD));
                assertEquals(
                        Health.Status.ONLINE,
                        c.poll().health().status(),
                        written + ": " + c.poll().health().message());
            }
        }
    }
}
