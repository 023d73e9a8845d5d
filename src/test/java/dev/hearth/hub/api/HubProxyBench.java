package dev.hearth.hub.api;

import dev.hearth.testing.Api;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * bench/hub.sh runs this by name (-Dtest=HubProxyBench; the suite never picks up a *Bench class): wrk against nginx
 * directly, through nginx's own proxy_pass (a reference hop), Hearth's /health (the floor of any Hearth answer: its
 * HTTP stack, the key check, a virtual thread, JSON) and Hearth's proxy ({@code GET /api/v1/services/web/proxy?path=
 * /api/status}, a viewer's API key, audited), side by side in one run at 1 and 16 connections; the table goes to
 * target/bench-hub.md. Performance is measured, never asserted.
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

    @Test
    void proxyAgainstDirect() throws Exception {
        String key = Api.key("viewer");
        String direct = "http://127.0.0.1:" + HubBenchProfile.nginxPort + "/api/status";
        String nginxProxied = "http://127.0.0.1:" + HubBenchProfile.nginxProxyPort + "/api/status";
        String health = base.resolve("/health").toString();
        String proxied =
                base.resolve("/api/v1/services/web/proxy?path=/api/status").toString();
        wrk(proxied, 1, key, "2s"); // warm-up: the JIT, the proxy's client and its connections
        wrk(health, 1, key, "1s");
        List<Run> runs = new ArrayList<>();
        for (int c : new int[] {1, 16}) {
            runs.add(wrk(direct, c, null, DURATION).withTarget("direct (nginx)"));
            runs.add(wrk(nginxProxied, c, null, DURATION).withTarget("nginx proxy_pass to it (reference hop)"));
            runs.add(wrk(health, c, key, DURATION).withTarget("Hearth's /health (floor: any Hearth answer)"));
            runs.add(wrk(proxied, c, key, DURATION).withTarget("through Hearth's proxy"));
        }
        StringBuilder md = new StringBuilder();
        md.append(
                "| Target | Connections | p50 ms | p90 ms | p99 ms | Requests/s | Errors |\n|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            md.append(String.format(
                    "| %s | %d | %.3f | %.3f | %.3f | %.0f | %s |%n",
                    r.target(), r.connections(), r.p50(), r.p90(), r.p99(), r.rps(), r.errors()));
        }
        md.append('\n');
        for (int i = 0; i < runs.size(); i += 4) {
            Run d = runs.get(i), n = runs.get(i + 1), h = runs.get(i + 2), p = runs.get(i + 3);
            md.append(String.format(
                    "- %d connection(s): proxy p50 / direct p50 = **%.1f×** (target ≤ 1.5×); / nginx's proxy_pass p50 ="
                            + " **%.1f×**; / Hearth's /health p50 = **%.2f×** (the hop adds %.2f ms to Hearth's floor).%n",
                    d.connections(), p.p50() / d.p50(), p.p50() / n.p50(), p.p50() / h.p50(), p.p50() - h.p50()));
        }
        Files.writeString(Path.of("target", "bench-hub.md"), md);
        System.out.println(md);
    }

    private static Run wrk(String url, int connections, @org.jspecify.annotations.Nullable String key, String duration)
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
        if (key != null) cmd.addAll(List.of("-H", "X-API-Key: " + key));
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
