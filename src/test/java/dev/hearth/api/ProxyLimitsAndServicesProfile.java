package dev.hearth.api;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Hearth behind a trusted proxy (127.0.0.1, which must send a shared secret header with forward-auth; and
 * 10.0.0.0/8, a range wider than one address, which start-up warns about) with forward-auth on, a tight
 * rate limit on /api/v1/status, and three
 * generic HTTP services (one up, one refusing credentials, one dead), all from a real hearth.yml.
 */
public class ProxyLimitsAndServicesProfile implements QuarkusTestProfile {
    /** What the trusted proxy sends in {@code X-Proxy-Secret} with every forward-auth request. */
    public static final String PROXY_SECRET = "the-proxy-secret-of-the-test-suite";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Upstreams.class));
    }

    public static class Upstreams implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/ok", x -> {
                    x.sendResponseHeaders(200, -1);
                    x.close();
                });
                server.createContext("/locked", x -> {
                    x.sendResponseHeaders(401, -1);
                    x.close();
                });
                server.start();
                int dead;
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    dead = s.getLocalPort();
                }
                int port = server.getAddress().getPort();
                Path yml = Files.createTempFile("hearth-profile-", ".yml");
                Files.writeString(yml, """
                        security:
                          trusted_proxies: [127.0.0.1, 10.0.0.0/8]
                          forward_auth:
                            enabled: true
                            secret_header: { name: X-Proxy-Secret, value: %s }
                        rate_limits:
                          groups:
                            status:
                              path_prefix: /api/v1/status
                              per_minute: 5
                        services:
                          - name: web
                            url: http://127.0.0.1:%d/ok
                            check_interval: 1s
                          - name: locked
                            url: http://127.0.0.1:%d/locked
                            check_interval: 1s
                          - name: dead
                            url: http://127.0.0.1:%d/
                            check_interval: 1s
                            timeout: 1s
                        """.formatted(PROXY_SECRET, port, port, dead));
                return Map.of("hearth.config", yml.toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            if (server != null) server.stop(0);
        }
    }
}
