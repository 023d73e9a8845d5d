package dev.hearth.monitoring;

import dev.hearth.monitoring.history.HistoryPoint;
import dev.hearth.monitoring.history.HistoryStore;
import dev.hearth.platform.live.LiveHub;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** bench/monitoring.sh runs this with -Dhearth.bench=true and turns target/bench-monitoring.md into docs. Not part of CI. */
@QuarkusTest
@EnabledIfSystemProperty(named = "hearth.bench", matches = "true")
class MonitoringBench {
    private final List<String> report = new ArrayList<>();

    MonitoringBench() {}

    @Inject
    MetricsCollector collector;

    @Inject
    HistoryStore history;

    @Inject
    Database db;

    @Inject
    LiveHub hub;

    @Test
    void bench() throws Exception {
        collectorAgainstNodeExporter();
        historyQueries();
        fanOut();
        Files.write(Path.of("target/bench-monitoring.md"), report);
    }

    private void collectorAgainstNodeExporter() throws Exception {
        int n = 300;
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20; i++) collector.collect(); // warm up
        long cpu0 = threads.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
        for (int i = 0; i < n; i++) collector.collect();
        double hearthCpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / n,
                hearthWall = (System.nanoTime() - wall0) / 1e6 / n;

        Process exporter = new ProcessBuilder("prometheus-node-exporter", "--web.listen-address=127.0.0.1:19111")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:19111/metrics"))
                    .build();
            for (int i = 0; i < 100; i++) {
                try {
                    if (http.send(scrape, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) break;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            for (int i = 0; i < 20; i++) http.send(scrape, HttpResponse.BodyHandlers.discarding());
            long ticks0 = ticks(exporter.pid());
            wall0 = System.nanoTime();
            for (int i = 0; i < n; i++) http.send(scrape, HttpResponse.BodyHandlers.discarding());
            double exporterWall = (System.nanoTime() - wall0) / 1e6 / n;
            double exporterCpu = (ticks(exporter.pid()) - ticks0) * 10.0 / n;
            report.add("| Collector cost per sample (" + n + " samples) | Hearth: " + f(hearthCpu) + " ms CPU, "
                    + f(hearthWall)
                    + " ms wall | node-exporter scrape: " + f(exporterCpu) + " ms CPU (exporter process), "
                    + f(exporterWall) + " ms wall | "
                    + (hearthCpu <= exporterCpu ? "met" : "not met") + " |");
        } finally {
            exporter.destroy();
            exporter.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static long ticks(long pid) throws Exception {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private void historyQueries() {
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        db.inTransaction(() -> {
            for (long h = 30 * 24; h > 0; h--) history.insertRow(2, point(now.minus(Duration.ofHours(h)), 720));
            for (long m = 14 * 24 * 60; m > 0; m--) history.insertRow(1, point(now.minus(Duration.ofMinutes(m)), 12));
            for (long s = 48 * 3600; s > 0; s -= 5) history.insertRow(0, point(now.minusSeconds(s), 1));
            return null;
        });
        double loadS = (System.nanoTime() - t0) / 1e9;
        for (String res : List.of("5m", "1h")) {
            Duration r = res.equals("5m") ? Duration.ofMinutes(5) : Duration.ofHours(1);
            double[] ms = new double[11];
            int points = 0;
            for (int i = 0; i < ms.length; i++) {
                long s = System.nanoTime();
                points = history.query(now.minus(Duration.ofDays(30)), now, r).size();
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(ms);
            report.add(
                    "| 30-day history query at " + res + " (" + history.rows() + " rows stored, loaded in " + f(loadS)
                            + " s) | " + points + " points | median " + f(ms[5]) + " ms, max " + f(ms[10]) + " ms | |");
        }
    }

    private static HistoryPoint point(Instant at, int samples) {
        double cpu = 20 + 10 * Math.sin(at.getEpochSecond() / 3600.0);
        return new HistoryPoint(
                at,
                samples,
                cpu,
                cpu + 5,
                50.0,
                1,
                60,
                16L << 30,
                9L << 30,
                1,
                70,
                1L << 40,
                7L << 39,
                3L << 38,
                1e6,
                1e5,
                at.getEpochSecond() * 1000,
                at.getEpochSecond() * 100);
    }

    private void fanOut() throws Exception {
        int clients = 500, rounds = 20;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        List<WebSocket> sockets = new ArrayList<>();
        String key = "";
        for (int i = 0; i < clients; i++) {
            // one caller may hold 8 sockets (monitoring.live.max_sockets_per_caller): 500 clients are 63 callers
            if (i % 8 == 0) key = newViewerKey("bench-" + i);
            WebSocket ws = http.newWebSocketBuilder()
                    .header("X-API-Key", key)
                    .buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/ws"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            String t = data.toString();
                            int at = t.indexOf("\"sent\":");
                            if (at > 0) {
                                long sent = Long.parseLong(
                                        t.substring(at + 7, t.indexOf('}', at)).trim());
                                latencies.add(System.nanoTime() - sent);
                            }
                            w.request(1);
                            return null;
                        }
                    })
                    .join();
            ws.sendText("{\"type\":\"subscribe\",\"channel\":\"task_updates\",\"taskId\":\"bench\"}", true)
                    .join();
            sockets.add(ws);
        }
        Thread.sleep(1000);
        for (int r = 0; r < rounds; r++) {
            hub.publish("task_updates", "bench", Map.of("sent", System.nanoTime()));
            Thread.sleep(250);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (latencies.size() < clients * rounds && System.nanoTime() < deadline) Thread.sleep(50);
        long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = l[l.length / 2] / 1e6, p99 = l[(int) (l.length * 0.99)] / 1e6;
        report.add("| WebSocket fan-out of one message to " + clients + " clients (" + rounds + " rounds) | " + l.length
                + " of "
                + clients * rounds + " delivered | p50 " + f(p50) + " ms, p99 " + f(p99) + " ms, max "
                + f(l[l.length - 1] / 1e6) + " ms | "
                + (p99 <= 100 ? "met" : "not met") + " (target p99 ≤ 100 ms) |");
        for (WebSocket ws : sockets) ws.abort();
    }

    private static String f(double v) {
        return String.format("%.2f", v);
    }

    private static String newViewerKey(String name) {
        return Api.admin()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("name", name, "role", "viewer"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }
}
