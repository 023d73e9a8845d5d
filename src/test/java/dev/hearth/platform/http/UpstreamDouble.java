package dev.hearth.platform.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback upstream for tests: JDK HttpServer on 127.0.0.1, an ephemeral port, one handler per
 * exact path, every request recorded. Unknown paths answer 404.
 */
final class UpstreamDouble implements AutoCloseable {

    record Seen(String protocol, String method, String path, String rawQuery, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, Seen request) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** Released on close, so handlers that "hang" end with the test. */
    private final CountDownLatch released = new CountDownLatch(1);

    private UpstreamDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                Seen request = new Seen(
                        exchange.getProtocol(),
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders(),
                        exchange.getRequestBody().readAllBytes());
                seen.add(request);
                Handler handler = handlers.get(request.path());
                if (handler == null) {
                    reply(exchange, 404, "no handler for " + request.path());
                } else {
                    handler.handle(exchange, request);
                }
            }
        });
        server.start();
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    static int freePort() throws IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    static UpstreamDouble start() throws IOException {
        return new UpstreamDouble();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    UpstreamDouble on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Answers {@code status} with {@code body} as JSON. */
    UpstreamDouble json(String path, int status, String body) {
        return on(path, (ex, r) -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            reply(ex, status, body);
        });
    }

    /** Accepts the request and never answers, until the double is closed. */
    UpstreamDouble hang(String path) {
        return on(path, (ex, r) -> awaitRelease());
    }

    void awaitRelease() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Seen> requests(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    int count(String path) {
        return requests(path).size();
    }

    Seen last(String path) {
        List<Seen> all = requests(path);
        if (all.isEmpty()) {
            throw new AssertionError("the double saw no request to " + path);
        }
        return all.getLast();
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
