package dev.hearth.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** The loopback server the notification doubles share: JDK HttpServer on 127.0.0.1, every request recorded. */
public abstract class FakeHttp implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One request as it arrived, with its arrival time (System.nanoTime based, in milliseconds) and the client's port:
     * requests with one port came over one connection.
     */
    public record Request(
            String method, String path, String query, Headers headers, byte[] body, long arrivedAtMs, int remotePort) {
        public Request(String method, String path, String query, Headers headers, byte[] body, long arrivedAtMs) {
            this(method, path, query, headers, body, arrivedAtMs, 0);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.getFirst(name);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }

        public Map<String, String> form() {
            Map<String, String> out = new LinkedHashMap<>();
            for (String pair : text().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0)
                    out.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return out;
        }
    }

    /** What the double answers. */
    public record Reply(int status, String contentType, String body, byte[] bytes) {
        public Reply(int status, String contentType, String body) {
            this(status, contentType, body, body.getBytes(StandardCharsets.UTF_8));
        }

        /** A binary answer (a file download). */
        public static Reply bytes(int status, String contentType, byte[] bytes) {
            return new Reply(status, contentType, "", bytes);
        }

        public static Reply json(int status, Object body) {
            try {
                return new Reply(status, "application/json", JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    protected FakeHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    protected abstract Reply handle(Request request);

    private void serve(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime() / 1_000_000;
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Request r = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    body,
                    arrived,
                    exchange.getRemoteAddress().getPort());
            requests.add(r);
            Reply reply = handle(r);
            byte[] out = reply.bytes();
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
