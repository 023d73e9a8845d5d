package dev.hearth.hub.api;

import dev.hearth.testing.Api;
import dev.hearth.testing.QbittorrentDaemon;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * bench/hub.sh runs this by name (-Dtest=HubProxyBench; the suite never picks up a *Bench class): wrk, side by side in
 * one run at 1 and 16 connections, against two upstreams called directly and through Hearth's proxy.
 *
 * <p>nginx serving a small file (the floor: ~10 µs an answer), also through nginx's own proxy_pass (a reference hop)
 * and beside Hearth's /health (the floor of any Hearth answer: its HTTP stack, the key check, a virtual thread, JSON)
 * and {@code GET /api/v1/services/web/proxy?path=/api/status}.
 *
 * <p>The real qBittorrent (a homelab upstream: its own work per answer), its torrent list and its version, called
 * directly with its SID cookie and through {@code /api/v1/services/qbittorrent/proxy} with a viewer's API key, Hearth
 * logging in with the credentials the bench puts in its vault. The table goes to target/bench-hub.md. Performance is
 * measured, never asserted; that each proxied call is a success with the upstream's 200 is (a 403 wrapped in a 200
 * would measure nothing).
 */
@QuarkusTest
@TestProfile(HubBenchProfile.class)
class HubProxyBench {
    static final String DURATION = System.getProperty("hearth.bench.duration", "8s");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$");
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)");

    @TestHTTPResource("/")
    URI base;

    record Run(String target, int connections, double p50, double p90, double p99, double rps, String errors) {
        Run withTarget(String t) {
            return new Run(t, connections, p50, p90, p99, rps, errors);
        }
    }

    /** One upstream path, called directly (with {@code directHeader}) and through the proxy (with a viewer's key). */
    record Pair(String label, String direct, @Nullable String directHeader, String proxied) {}

    @Test
    void proxyAgainstDirect() throws Exception {
        String viewer = "X-API-Key: " + Api.key("viewer");
        QbittorrentDaemon qbit = Objects.requireNonNull(HubBenchProfile.qbit);
        Api.admin()
                .contentType("application/json")
                .body(Map.of("username", QbittorrentDaemon.USER, "password", QbittorrentDaemon.PASSWORD))
                .put("/api/v1/services/qbittorrent/credentials")
                .then()
                .statusCode(200);
        String sid = "Cookie: SID=" + QbittorrentBench.login(qbit.url());
        String direct = "http://127.0.0.1:" + HubBenchProfile.nginxPort + "/api/status";
        String nginxProxied = "http://127.0.0.1:" + HubBenchProfile.nginxProxyPort + "/api/status";
        String health = base.resolve("/health").toString();
        String proxied =
                base.resolve("/api/v1/services/web/proxy?path=/api/status").toString();
        List<Pair> qbitPairs = List.of(
                new Pair(
                        "qBittorrent torrents/info (" + HubBenchProfile.TORRENTS + " torrents)",
                        qbit.url().resolve("api/v2/torrents/info").toString(),
                        sid,
                        base.resolve("/api/v1/services/qbittorrent/proxy?path=/api/v2/torrents/info")
                                .toString()),
                new Pair(
                        "qBittorrent app/version",
                        qbit.url().resolve("api/v2/app/version").toString(),
                        sid,
                        base.resolve("/api/v1/services/qbittorrent/proxy?path=/api/v2/app/version")
                                .toString()));
        int directBytes = sizeOf(qbitPairs.getFirst().direct(), sid);
        for (String url :
                List.of(proxied, qbitPairs.get(0).proxied(), qbitPairs.get(1).proxied())) {
            proxiedAnswerIsTheUpstreamsSuccess(url, viewer);
        }
        // warm-up: the JIT, the proxy's clients, their connections and qBittorrent's session
        wrk(proxied, 1, viewer, "2s");
        for (Pair q : qbitPairs) wrk(q.proxied(), 1, viewer, "2s");
        wrk(health, 1, viewer, "1s");
        List<Run> nginxRuns = new ArrayList<>();
        List<Run> qbitRuns = new ArrayList<>();
        for (int c : new int[] {1, 16}) {
            nginxRuns.add(wrk(direct, c, null, DURATION).withTarget("direct (nginx)"));
            nginxRuns.add(wrk(nginxProxied, c, null, DURATION).withTarget("nginx proxy_pass to it (reference hop)"));
            nginxRuns.add(wrk(health, c, viewer, DURATION).withTarget("Hearth's /health (floor: any Hearth answer)"));
            nginxRuns.add(wrk(proxied, c, viewer, DURATION).withTarget("through Hearth's proxy"));
            for (Pair q : qbitPairs) {
                qbitRuns.add(wrk(q.direct(), c, q.directHeader(), DURATION).withTarget(q.label() + ", direct (SID)"));
                qbitRuns.add(wrk(q.proxied(), c, viewer, DURATION).withTarget(q.label() + ", through Hearth's proxy"));
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("nginx, a 90-byte JSON file:\n\n");
        table(md, nginxRuns);
        for (int i = 0; i < nginxRuns.size(); i += 4) {
            Run d = nginxRuns.get(i), n = nginxRuns.get(i + 1), h = nginxRuns.get(i + 2), p = nginxRuns.get(i + 3);
            md.append(String.format(
                    "- %d connection(s): proxy p50 / direct p50 = **%.1f×** (target ≤ 1.5×: %s); / nginx's proxy_pass"
                            + " p50 = **%.1f×**; / Hearth's /health p50 = **%.2f×** (the hop adds %.2f ms to Hearth's"
                            + " floor).%n",
                    d.connections(),
                    p.p50() / d.p50(),
                    verdict(p.p50() / d.p50()),
                    p.p50() / n.p50(),
                    p.p50() / h.p50(),
                    p.p50() - h.p50()));
        }
        md.append(String.format(
                "%nqBittorrent %s (qbittorrent-nox on loopback, %d paused torrents; torrents/info answers %d bytes),"
                        + " directly with its SID cookie and through Hearth's proxy (Hearth logged in with the vault's"
                        + " credentials):%n%n",
                qbitVersion(qbit, sid), HubBenchProfile.TORRENTS, directBytes));
        table(md, qbitRuns);
        for (int i = 0; i < qbitRuns.size(); i += 2) {
            Run d = qbitRuns.get(i), p = qbitRuns.get(i + 1);
            String label = d.target().substring(0, d.target().lastIndexOf(", direct"));
            md.append(String.format(
                    "- %s, %d connection(s): proxy p50 / direct p50 = **%.2f×** (target ≤ 1.5×: %s; the proxy adds"
                            + " %.2f ms); requests/s %.0f direct, %.0f proxied.%n",
                    label,
                    d.connections(),
                    p.p50() / d.p50(),
                    verdict(p.p50() / d.p50()),
                    p.p50() - d.p50(),
                    d.rps(),
                    p.rps()));
        }
        Files.writeString(Path.of("target", "bench-hub.md"), md);
        System.out.println(md);
    }

    private static String verdict(double ratio) {
        return ratio <= 1.5 ? "met" : "MISSED";
    }

    private static void table(StringBuilder md, List<Run> runs) {
        md.append(
                "| Target | Connections | p50 ms | p90 ms | p99 ms | Requests/s | Errors |\n|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            md.append(String.format(
                    "| %s | %d | %.3f | %.3f | %.3f | %.0f | %s |%n",
                    r.target(), r.connections(), r.p50(), r.p90(), r.p99(), r.rps(), r.errors()));
        }
        md.append('\n');
    }

    private static String qbitVersion(QbittorrentDaemon qbit, String sidHeader) {
        return QbittorrentBench.get(
                        qbit.url().resolve("api/v2/app/version"), sidHeader.substring("Cookie: SID=".length()))
                .strip();
    }

    private static int sizeOf(String url, String sidHeader) {
        return QbittorrentBench.get(URI.create(url), sidHeader.substring("Cookie: SID=".length()))
                .getBytes(StandardCharsets.UTF_8)
                .length;
    }

    /** The proxy answers 200 whatever the upstream said: a refused login would be measured as a fast success. */
    private static void proxiedAnswerIsTheUpstreamsSuccess(String url, String header) throws Exception {
        var answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(URI.create(url))
                                .header(
                                        header.substring(0, header.indexOf(':')),
                                        header.substring(header.indexOf(':') + 2))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().startsWith("{\"success\":true,\"status\":200,")) {
            throw new IllegalStateException(url + " is not the upstream's success: " + answer.statusCode() + " "
                    + answer.body().substring(0, Math.min(300, answer.body().length())));
        }
    }

    private static Run wrk(String url, int connections, @Nullable String header, String duration)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "wrk",
                "-t",
                String.valueOf(Math.min(connections, 2)),
                "-c",
                String.valueOf(connections),
                "-d",
                duration,
                "--latency"));
        if (header != null) cmd.addAll(List.of("-H", header));
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        double p50 = 0, p90 = 0, p99 = 0, rps = 0;
        String errors = "0";
        for (String line : out.split("\n")) {
            Matcher m = PERCENTILE.matcher(line);
            if (m.matches()) {
                double v = Double.parseDouble(m.group(2))
                        * switch (m.group(3)) {
                            case "us" -> 0.001;
                            case "s" -> 1000;
                            default -> 1;
                        };
                switch (m.group(1)) {
                    case "50" -> p50 = v;
                    case "90" -> p90 = v;
                    default -> p99 = v;
                }
            }
            Matcher r = RATE.matcher(line);
            if (r.find()) rps = Double.parseDouble(r.group(1));
            if (line.contains("Non-2xx") || line.contains("Socket errors")) errors = line.strip();
        }
        return new Run(url, connections, p50, p90, p99, rps, errors);
    }
}
