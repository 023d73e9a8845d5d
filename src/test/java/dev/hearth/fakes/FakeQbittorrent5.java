package dev.hearth.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * qBittorrent 5.2's Web API as its documentation and source describe it, for the paths Debian's 4.5.2
 * cannot show: Web API 2.11+, a login answered 204 with a cookie named {@code QBT_SID_<port>}, a wrong
 * password answered 401, {@code torrents/stop|start} in place of {@code pause|resume} (which answer 404),
 * and {@code stopped*} states. Without the session cookie every call is 403, as in the real daemon.
 */
public final class FakeQbittorrent5 implements AutoCloseable {
    public static final String HASH = "0123456789abcdef0123456789abcdef01234567";
    private final HttpServer server;
    private final String password;
    private final String cookieName;
    private final String sid = "5.2-session-" + System.nanoTime();
    public final AtomicInteger logins = new AtomicInteger();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String state = "stoppedDL";

    public FakeQbittorrent5(String password) throws IOException {
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cookieName = "QBT_SID_" + server.getAddress().getPort();
        server.createContext("/api/v2/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath().substring("/api/v2/".length());
        calls.add(x.getRequestMethod() + " " + path);
        if (path.equals("auth/login")) {
            logins.incrementAndGet();
            Map<String, String> form = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (password.equals(form.get("password"))) {
                x.getResponseHeaders()
                        .add("Set-Cookie", cookieName + "=" + sid + "; HttpOnly; SameSite=Strict; path=/");
                reply(x, 204, "");
            } else {
                reply(x, 401, "");
            }
            return;
        }
        String cookie = x.getRequestHeaders().getFirst("Cookie");
        if (cookie == null || !cookie.contains(cookieName + "=" + sid)) {
            reply(x, 403, "Forbidden");
            return;
        }
        switch (path) {
            case "app/webapiVersion" -> reply(x, 200, "2.11.4");
            case "app/version" -> reply(x, 200, "v5.2.0");
            case "torrents/info" -> reply(x, 200, """
                    [{"hash":"%s","name":"ubuntu-25.10.iso","state":"%s","progress":0.25,"size":1000,"downloaded":250,
                      "dlspeed":0,"upspeed":0,"eta":8640000,"ratio":0,"num_seeds":0,"num_leechs":0,"save_path":"/downloads",
                      "category":"","added_on":1763900000,"completion_on":-1}]""".formatted(HASH, state));
            case "torrents/stop" -> {
                state = "stoppedDL";
                reply(x, 200, "");
            }
            case "torrents/start" -> {
                state = "downloading";
                reply(x, 200, "");
            }
            default -> reply(x, 404, "Not Found"); // includes 4.x's torrents/pause and torrents/resume
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0)
                m.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
