package dev.hearth.hub.api;

import dev.hearth.testing.QbittorrentDaemon;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * bench/hub.sh: a Hearth with two services on loopback, rate limits out of the way. "web" is a real nginx serving a
 * small JSON status; the same nginx also answers on a second port as a reverse proxy to the first (keep-alive
 * upstream), the reference a proxy hop can fairly be measured against. "qbittorrent" is the real qbittorrent-nox, as
 * the tests start it, with {@link #TORRENTS} paused magnets added so its torrent list is a realistic answer; its
 * credentials are not in hearth.yml (the bench puts them in the vault through the API).
 */
public class HubBenchProfile implements QuarkusTestProfile {
    /** A small homelab's list: tens of torrents, each a full record of qBittorrent's torrent list. */
    static final int TORRENTS = 25;

    static volatile int nginxPort;
    static volatile int nginxProxyPort;
    static volatile @org.jspecify.annotations.Nullable QbittorrentDaemon qbit;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Nginx.class));
    }

    public static class Nginx implements QuarkusTestResourceLifecycleManager {
        private @org.jspecify.annotations.Nullable Process nginx;

        @Override
        public Map<String, String> start() {
            try {
                Path dir = Files.createTempDirectory("hearth-hub-bench-");
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                        ServerSocket t = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    nginxPort = s.getLocalPort();
                    nginxProxyPort = t.getLocalPort();
                }
                Files.createDirectories(dir.resolve("html/api"));
                Files.writeString(
                        dir.resolve("html/api/status"),
                        "{\"status\":\"ok\",\"version\":\"1.2.3\",\"uptime\":123456,\"services\":[\"a\",\"b\",\"c\"]}");
                Files.writeString(dir.resolve("nginx.conf"), """
                        daemon off;
                        worker_processes 1;
                        pid %1$s/nginx.pid;
                        error_log %1$s/error.log;
                        events { worker_connections 256; }
                        http {
                          access_log off;
                          client_body_temp_path %1$s/tmp;
                          proxy_temp_path %1$s/tmp;
                          fastcgi_temp_path %1$s/tmp;
                          uwsgi_temp_path %1$s/tmp;
                          scgi_temp_path %1$s/tmp;
                          default_type application/json;
                          server { listen 127.0.0.1:%2$d; root %1$s/html; }
                          upstream files { server 127.0.0.1:%2$d; keepalive 32; }
                          server {
                            listen 127.0.0.1:%3$d;
                            location / {
                              proxy_pass http://files;
                              proxy_http_version 1.1;
                              proxy_set_header Connection "";
                            }
                          }
                        }
                        """.formatted(dir, nginxPort, nginxProxyPort));
                Files.createDirectories(dir.resolve("tmp"));
                // nginx's worker runs as nobody: it must read what it serves
                for (Path p : List.of(dir, dir.resolve("html"), dir.resolve("html/api"))) {
                    Files.setPosixFilePermissions(
                            p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                Files.setPosixFilePermissions(
                        dir.resolve("html/api/status"),
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                nginx = new ProcessBuilder(
                                "/usr/sbin/nginx",
                                "-p",
                                dir.toString(),
                                "-c",
                                dir.resolve("nginx.conf").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("out.log").toFile())
                        .start();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
                while (true) {
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), nginxPort)) {
                        break;
                    } catch (IOException notYet) {
                        if (Instant.now().isAfter(deadline) || !nginx.isAlive())
                            throw new IOException("nginx did not start", notYet);
                        Thread.onSpinWait();
                    }
                }
                QbittorrentDaemon torrents = new QbittorrentDaemon(Files.createDirectories(dir.resolve("qbit")));
                qbit = torrents;
                addTorrents(torrents);
                Path yml = Files.createTempFile("hearth-hub-bench-", ".yml");
                Files.writeString(
                        yml, """
                        services:
                          - name: web
                            url: "http://127.0.0.1:%d"
                          - name: qbittorrent
                            url: "%s"
                        rate_limits:
                          default_per_minute: 100000000
                        """.formatted(nginxPort, torrents.url().toString().replaceAll("/$", "")));
                return Map.of(
                        "hearth.config", yml.toString(),
                        "hearth.data_dir",
                                Files.createDirectories(dir.resolve("data")).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Paused magnets with made-up hashes (no peer will ever answer: DHT is off), named like a media library's. */
        private static void addTorrents(QbittorrentDaemon daemon) throws IOException {
            StringBuilder urls = new StringBuilder();
            for (int i = 0; i < TORRENTS; i++) {
                String hash = String.format("%040x", new java.math.BigInteger(1, sha1("hub-bench-" + i)));
                urls.append("magnet:?xt=urn:btih:")
                        .append(hash)
                        .append("&dn=Some.Show.S01E")
                        .append(String.format("%02d", i + 1))
                        .append(".1080p.WEB.x264&tr=udp://tracker.example.invalid:80\n");
            }
            String sid = QbittorrentBench.login(daemon.url());
            String form = "paused=true&category=&urls="
                    + java.net.URLEncoder.encode(urls.toString(), java.nio.charset.StandardCharsets.UTF_8);
            var http = java.net.http.HttpClient.newHttpClient();
            try {
                var answer = http.send(
                        java.net.http.HttpRequest.newBuilder(daemon.url().resolve("api/v2/torrents/add"))
                                .header("Cookie", "SID=" + sid)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .timeout(Duration.ofSeconds(10))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) throw new IOException("qBittorrent refused the torrents: " + answer);
                dev.hearth.testing.Waits.until(
                        "qBittorrent lists the " + TORRENTS + " torrents",
                        Duration.ofSeconds(20),
                        () -> QbittorrentBench.get(daemon.url().resolve("api/v2/torrents/info"), sid),
                        list -> list.split("\"hash\"", -1).length - 1 == TORRENTS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        private static byte[] sha1(String text) {
            try {
                return java.security.MessageDigest.getInstance("SHA-1")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            QbittorrentDaemon torrents = qbit;
            if (torrents != null) torrents.close();
            if (nginx != null) {
                nginx.destroy();
                try {
                    nginx.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
