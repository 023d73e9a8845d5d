package dev.hearth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * qbittorrent-nox on loopback with a pre-seeded profile (an unseeded one listens on every interface
 * with DHT on): Web UI and BitTorrent port on 127.0.0.1, DHT, PeX, LSD and UPnP off. Login is
 * 4.5.2's default, admin / adminadmin.
 */
public final class QbittorrentDaemon implements AutoCloseable {

    public static final String USER = "admin";
    public static final String PASSWORD = "adminadmin";

    private final Path profile;
    private final Path downloads;
    private final int webPort = Ports.free();
    private final int peerPort = Ports.free();
    private Daemon daemon;

    public QbittorrentDaemon(Path root) {
        this(root, null);
    }

    /**
     * With {@code hook} set, qBittorrent runs it when a torrent finishes ([AutoRun], "Run external
     * program on torrent finished") with the name, info-hash and content path as arguments.
     */
    public QbittorrentDaemon(Path root, @org.jspecify.annotations.Nullable Path hook) {
        this.profile = root.resolve("profile");
        this.downloads = root.resolve("downloads");
        try {
            Path config = Files.createDirectories(profile.resolve("qBittorrent/config"));
            Files.createDirectories(downloads);
            Files.writeString(
                    config.resolve("qBittorrent.conf"),
                    """
                    [LegalNotice]
                    Accepted=true
                    [BitTorrent]
                    Session\\DHTEnabled=false
                    Session\\PeXEnabled=false
                    Session\\LSDEnabled=false
                    Session\\Interface=lo
                    Session\\InterfaceName=lo
                    Session\\InterfaceAddress=127.0.0.1
                    Session\\Port=%d
                    Session\\DefaultSavePath=%s
                    [Preferences]
                    Connection\\UPnP=false
                    General\\Locale=en
                    WebUI\\Address=127.0.0.1
                    WebUI\\Port=%d
                    """.formatted(peerPort, downloads, webPort) + (hook == null ? "" : """
                    [AutoRun]
                    enabled=true
                    program=%s \\"%%N\\" \\"%%I\\" \\"%%F\\"
                    """.formatted(hook)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    /** Starts (or starts again, after {@link #kill()}) with the same profile and ports. */
    public void start() {
        daemon = Daemon.start(
                "qbittorrent-nox",
                List.of("qbittorrent-nox", "--profile=" + profile, "--webui-port=" + webPort),
                profile,
                Map.of("HOME", profile.toString()),
                profile.resolve("stdout.log"));
        daemon.awaitHttp(url().resolve("api/v2/app/version"), Duration.ofSeconds(20));
        awaitLogin();
    }

    /** Ready means a login works: the Web UI answers a little before it is quick to log in. */
    private void awaitLogin() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest login = HttpRequest.newBuilder(url().resolve("api/v2/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + PASSWORD))
                .build();
        Waits.until(
                "qBittorrent accepts a login",
                Duration.ofSeconds(20),
                () -> {
                    try {
                        return http.send(login, HttpResponse.BodyHandlers.ofString())
                                .body();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                },
                "Ok."::equals);
    }

    public void kill() {
        daemon.kill();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + webPort + "/");
    }

    public Path downloads() {
        return downloads;
    }

    public int peerPort() {
        return peerPort;
    }

    @Override
    public void close() {
        daemon.stop();
    }
}
