package dev.hearth.hub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.Health;
import dev.hearth.testing.Targets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServiceIntegrationTest {
    private HttpServer server;
    private final CountDownLatch never = new CountDownLatch(1);
    private HttpStack stack;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/up", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.createContext("/basic", x -> {
            String expected = "Basic " + Base64.getEncoder().encodeToString("admin:pw".getBytes());
            x.sendResponseHeaders(expected.equals(x.getRequestHeaders().getFirst("Authorization")) ? 200 : 401, -1);
            x.close();
        });
        server.createContext("/broken", x -> {
            x.sendResponseHeaders(500, -1);
            x.close();
        });
        server.createContext("/hang", x -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        stack = new HttpStack(JsonMapper.builder().build(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        never.countDown();
        server.stop(0);
        stack.close();
    }

    private Health check(String path, Map<String, String> credentials, Duration timeout) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return Targets.create(stack, "http", "svc", url, credentials, timeout)
                .poll()
                .health();
    }

    @Test
    void aServiceThatAnswersIsOnline() {
        Health h = check("/up", Map.of(), Duration.ofSeconds(2));
        assertEquals(Health.Status.ONLINE, h.status());
        assertEquals("HTTP 200", h.message());
    }

    @Test
    void basicAuthCredentialsAreSentAndRefusedOnesAreAnAuthError() {
        assertEquals(
                Health.Status.ONLINE,
                check("/basic", Map.of("username", "admin", "password", "pw"), Duration.ofSeconds(2))
                        .status());
        Health refused = check("/basic", Map.of("username", "admin", "password", "nope"), Duration.ofSeconds(2));
        assertEquals(Health.Detail.AUTH_ERROR, refused.detail());
        assertTrue(!refused.message().contains("nope"));
    }

    @Test
    void aServerErrorIsOfflineWithTheStatus() {
        Health h = check("/broken", Map.of(), Duration.ofSeconds(2));
        assertEquals(Health.Status.OFFLINE, h.status());
        assertEquals("HTTP 500", h.message());
    }

    @Test
    void aHungServiceIsOfflineWithinItsTimeout() {
        long start = System.nanoTime();
        Health h = check("/hang", Map.of(), Duration.ofMillis(500));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Health.Detail.COMMUNICATION_ERROR, h.detail());
        assertTrue(ms < 1500, "answered in " + ms + " ms");
    }

    /** A health URL is asked exactly as written: {@code /exact}, not {@code /exact/} (a server may tell them apart). */
    @Test
    void theUrlIsAskedExactlyAsWrittenWithoutATrailingSlashAdded() {
        server.createContext("/exact", x -> {
            x.sendResponseHeaders(x.getRequestURI().getPath().equals("/exact") ? 200 : 404, -1);
            x.close();
        });
        assertEquals(
                Health.Status.ONLINE,
                check("/exact", Map.of(), Duration.ofSeconds(2)).status());
        assertEquals(
                "HTTP 404",
                check("/exact/", Map.of(), Duration.ofSeconds(2)).message(),
                "and a slash written is a slash asked");
    }
}
