package dev.hearth.fakes.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback server the hub's doubles share: JDK HttpServer on 127.0.0.1 with a virtual thread per request, every
 * request recorded as it arrived (raw path and query, so a test can see exactly what reached the upstream), and
 * answers that may carry headers (cookies, {@code WWW-Authenticate}, {@code Location}).
 */
public abstract class HubDouble implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();

    public record Request(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.getFirst(name);
        }

        public Map<String, String> form() {
            return pairs(text());
        }

        public Map<String, String> query() {
            return rawQuery == null ? Map.of() : pairs(rawQuery);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }
    }

    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Reply json(int status, Object body) {
            try {
                return new Reply(status, "application/json", JSON.writeValueAsBytes(body), Map.of());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public static Reply text(int status, String text) {
            return new Reply(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Reply html(int status, String html) {
            return new Reply(status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, contentType, body, h);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    protected HubDouble() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    protected abstract Reply handle(Request request);

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Request r = new Request(
                    exchange.getRequestMethod(),
                    uri.getRawPath(),
                    uri.getRawQuery(),
                    exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes());
            requests.add(r);
            Reply reply = handle(r);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            boolean bodyless = reply.body().length == 0 || r.method().equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), bodyless ? -1 : reply.body().length);
            if (!bodyless) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(reply.body());
                }
            }
        }
    }

    static Map<String, String> pairs(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
