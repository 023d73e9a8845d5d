package dev.hearth.hub.api;

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
 * bench/hub.sh: a Hearth whose one service is a real nginx on loopback serving a small JSON status, rate limits out of
 * the way; the same nginx also answers on a second port as a reverse proxy to the first (keep-alive upstream), the
 * reference a proxy hop can fairly be measured against.
 */
public class HubBenchProfile implements QuarkusTestProfile {
    static volatile int nginxPort;
    static volatile int nginxProxyPort;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Nginx.class));
    }

    public static class Nginx implements QuarkusTestResourceLifecycleManager {
        private Process nginx;

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
                Path yml = Files.createTempFile("hearth-hub-bench-", ".yml");
                Files.writeString(yml, """
                        services:
                          - name: web
                            url: "http://127.0.0.1:%d"
                        rate_limits:
                          default_per_minute: 100000000
                        """.formatted(nginxPort));
                return Map.of(
                        "hearth.config", yml.toString(),
                        "hearth.data_dir",
                                Files.createDirectories(dir.resolve("data")).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
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
