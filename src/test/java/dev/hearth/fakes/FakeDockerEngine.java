package dev.hearth.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A Docker engine that only knows {@code /_ping} and {@code /version}, for testing API version
 * negotiation against versions the real engine here (1.41) cannot show. Behaves as the engine does
 * (docs.docker.com/reference/api/engine): an unversioned {@code /_ping} carries {@code Api-Version};
 * a client asking for a newer version than the engine speaks gets 400 "client version … is too new".
 */
public final class FakeDockerEngine implements AutoCloseable {

    private final HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.BlockingQueue<String> eventBodies =
            new java.util.concurrent.LinkedBlockingQueue<>();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private volatile String apiVersion;

    public FakeDockerEngine(String apiVersion) throws IOException {
        this.apiVersion = apiVersion;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI host() {
        return URI.create("tcp://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request path seen, in order. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    /** Query strings of the requests seen, in order (null-free: "" when there was none). */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    /**
     * The next {@code /events} request gets these NDJSON lines, then the connection ends (as when the
     * engine restarts). With nothing queued, an events request stays open until the fake is closed.
     */
    public void queueEvents(String... ndjsonLines) {
        eventBodies.add(String.join("\n", ndjsonLines) + "\n");
    }

    /** Pretends the engine was upgraded or downgraded in place. */
    public void setApiVersion(String version) {
        this.apiVersion = version;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        paths.add(path);
        String query = exchange.getRequestURI().getRawQuery();
        queries.add(query == null ? "" : query);
        exchange.getResponseHeaders().add("Api-Version", apiVersion);
        if (path.matches("/v\\d+\\.\\d+/events")) {
            events(exchange);
        } else if (path.equals("/_ping")) {
            send(exchange, 200, "text/plain", "OK");
        } else if (path.matches("/v\\d+\\.\\d+/version")) {
            String asked = path.substring(2, path.indexOf('/', 1));
            if (compare(asked, apiVersion) > 0) {
                send(
                        exchange,
                        400,
                        "application/json",
                        "{\"message\":\"client version " + asked + " is too new. Maximum supported API version is "
                                + apiVersion + "\"}");
            } else {
                send(
                        exchange,
                        200,
                        "application/json",
                        "{\"Version\":\"fake\",\"ApiVersion\":\"" + apiVersion
                                + "\",\"MinAPIVersion\":\"1.24\",\"Os\":\"linux\",\"Arch\":\"amd64\","
                                + "\"KernelVersion\":\"6.0\",\"SomeFutureField\":{\"x\":1}}");
            }
        } else {
            send(exchange, 404, "application/json", "{\"message\":\"page not found\"}");
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        String body = eventBodies.poll();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0); // chunked, like the engine
        try (var out = exchange.getResponseBody()) {
            if (body != null) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            } else {
                out.flush();
                closed.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
