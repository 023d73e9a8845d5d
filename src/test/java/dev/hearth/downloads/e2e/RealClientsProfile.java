package dev.hearth.downloads.e2e;

import dev.hearth.testing.Aria2Daemon;
import dev.hearth.testing.DelugeDaemon;
import dev.hearth.testing.QbittorrentDaemon;
import dev.hearth.testing.TransmissionDaemon;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Hearth against the four REAL download daemons on loopback — qBittorrent (with an AutoRun hook that
 * calls Hearth's webhook), Deluge, Transmission and aria2 — each bound in {@code hearth.services} under
 * its integration's name with its credentials, polled every second, on its own data dir.
 */
public class RealClientsProfile implements QuarkusTestProfile {
    /** Everything of one run: daemons' profiles and downloads, Hearth's data dir, the hook's files. */
    public static final Path DIR =
            Path.of("target/e2e-downloads/" + ProcessHandle.current().pid()).toAbsolutePath();

    public static final String WEBHOOK_SECRET = "e2e-webhook-secret-0123456789abcdef";
    /** The hook reads Hearth's webhook URL from here: the test port is known only once Quarkus runs. */
    public static final Path HOOK_URL = DIR.resolve("hook/url");
    /** Each hook run appends "<hash> <Hearth's answer>" here. */
    public static final Path HOOK_LOG = DIR.resolve("hook/log");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "hearth.data_dir",
                DIR.resolve("data").toString(),
                "hearth.downloads.poll_interval",
                "1s",
                "hearth.downloads.webhook_secret",
                WEBHOOK_SECRET,
                "hearth.downloads.completion.mode",
                "none",
                // Every daemon's downloads folder lies under it: the destinations the test names, and what delete_data
                // may delete.
                "hearth.downloads_dir",
                DIR.toString());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Daemons.class));
    }

    public static Path downloads(String client) {
        return DIR.resolve(client).resolve("downloads");
    }

    /**
     * Daemon controls handed to the test through the system properties: the test class may be loaded by
     * another class loader than this resource, but {@link Runnable} is the JDK's.
     */
    public static Runnable control(String client, String action) {
        Object r = System.getProperties().get("hearth.e2e." + client + "." + action);
        if (!(r instanceof Runnable run)) throw new IllegalStateException("no control " + client + "." + action);
        return run;
    }

    /** The port qBittorrent takes peers on, for a tracker that sends other clients to it. */
    public static int qbittorrentPeerPort() {
        return ((Number) System.getProperties().get("hearth.e2e.qbittorrent.peerPort")).intValue();
    }

    public static class Daemons implements QuarkusTestResourceLifecycleManager {
        private final List<AutoCloseable> started = new java.util.ArrayList<>();

        @Override
        public Map<String, String> start() {
            try {
                Path hook = Files.createDirectories(DIR.resolve("hook")).resolve("on-finished.sh");
                Files.writeString(hook, """
                        #!/bin/sh
                        # qBittorrent's AutoRun: "$1" name, "$2" info-hash, "$3" content path.
                        url=$(cat '%s' 2>/dev/null) || exit 0
                        answer=$(curl -s -m 10 -X POST "$url" -H 'X-Hearth-Webhook-Secret: %s' -H 'Content-Type: application/json' \\
                          -d "{\\"hash\\": \\"$2\\", \\"name\\": \\"$1\\", \\"client\\": \\"qbittorrent\\"}")
                        echo "$2 $answer" >> '%s'
                        """.formatted(HOOK_URL, WEBHOOK_SECRET, HOOK_LOG));
                Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));

                QbittorrentDaemon qb = keep(new QbittorrentDaemon(DIR.resolve("qbittorrent"), hook));
                DelugeDaemon deluge = keep(new DelugeDaemon(DIR.resolve("deluge")));
                TransmissionDaemon tr = keep(new TransmissionDaemon(DIR.resolve("transmission")));
                Aria2Daemon aria2 = keep(new Aria2Daemon(DIR.resolve("aria2")));
                System.getProperties().put("hearth.e2e.transmission.kill", (Runnable) tr::kill);
                System.getProperties().put("hearth.e2e.transmission.start", (Runnable) tr::start);
                System.getProperties().put("hearth.e2e.qbittorrent.kill", (Runnable) qb::kill);
                System.getProperties().put("hearth.e2e.qbittorrent.start", (Runnable) qb::start);
                System.getProperties().put("hearth.e2e.qbittorrent.peerPort", qb.peerPort());

                String services = """
                        [{"name": "qbittorrent", "url": "%s", "integration": "qbittorrent", "timeout": "5s",
                          "credentials": {"username": "%s", "password": "%s"}},
                         {"name": "deluge", "url": "%s", "integration": "deluge", "timeout": "5s",
                          "credentials": {"password": "%s"}},
                         {"name": "transmission", "url": "%s", "integration": "transmission", "timeout": "5s",
                          "credentials": {"username": "%s", "password": "%s"}},
                         {"name": "aria2", "url": "%s", "integration": "aria2", "timeout": "5s",
                          "credentials": {"token": "%s"}}]
                        """.formatted(
                                qb.url(),
                                QbittorrentDaemon.USER,
                                QbittorrentDaemon.PASSWORD,
                                deluge.url(),
                                DelugeDaemon.PASSWORD,
                                tr.url(),
                                TransmissionDaemon.USER,
                                TransmissionDaemon.PASSWORD,
                                aria2.url(),
                                Aria2Daemon.TOKEN)
                        .replace("\n", " ");
                return Map.of("hearth.services", services);
            } catch (IOException e) {
                stop();
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
        }

        private <T extends AutoCloseable> T keep(T daemon) {
            started.add(daemon);
            return daemon;
        }

        @Override
        public void stop() {
            for (AutoCloseable d : started.reversed()) {
                try {
                    d.close();
                } catch (Exception ignored) {
                    // the others still stop
                }
            }
            started.clear();
            System.getProperties().keySet().removeIf(k -> k.toString().startsWith("hearth.e2e."));
        }
    }
}
