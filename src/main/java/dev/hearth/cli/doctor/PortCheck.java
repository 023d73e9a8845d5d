package dev.hearth.cli.doctor;

import dev.hearth.platform.config.HearthConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The port Hearth listens on is free, or held by a running Hearth (its {@code /health} answers). Binding for
 * a moment is the one sure test: it also catches a port below 1024 without the right to bind it.
 */
final class PortCheck implements Check {
    static final String NAME = "port";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public List<Finding> run(HearthConfig config) {
        String host = config.server().host();
        int port = config.server().port();
        String where = host + ":" + port;
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port));
            return List.of(Finding.ok(NAME, where + " is free"));
        } catch (IOException e) {
            if (answersAsHearth(host, port)) {
                return List.of(Finding.ok(NAME, where + " is Hearth's: a running Hearth answers /health there"));
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (port < 1024 && reason.toLowerCase(java.util.Locale.ROOT).contains("permission")) {
                return List.of(
                        Finding.problem(
                                NAME,
                                "cannot listen on " + where + ": " + reason,
                                "choose a port above 1023 (HEARTH_PORT=4327), or grant the right to bind it (systemd: AmbientCapabilities=CAP_NET_BIND_SERVICE)"));
            }
            return List.of(Finding.problem(
                    NAME,
                    "cannot listen on " + where + ": " + reason + " (another program holds it)",
                    "stop that program (see: ss -ltnp 'sport = :" + port
                            + "'), or give Hearth another port: HEARTH_PORT or server.port in hearth.yml"));
        }
    }

    private static boolean answersAsHearth(String host, int port) {
        String probeHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        try (HttpClient http = HttpClient.newBuilder()
                .connectTimeout(PROBE_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            URI url = URI.create(
                    "http://" + (probeHost.contains(":") ? "[" + probeHost + "]" : probeHost) + ":" + port + "/health");
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(url).timeout(PROBE_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return r.body().contains("\"checks\"") && r.body().contains("\"storage\"");
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
