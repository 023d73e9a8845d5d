package dev.hearth.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.services.docker.ContainerSpec;
import dev.hearth.services.docker.DockerEngineClient;
import dev.hearth.testing.Await;
import dev.hearth.testing.Daemon;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.DockerEngineHarness;
import dev.hearth.testing.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/grafana/hearth.json against the real thing: the packaged Hearth (bin/hearth) watching a container on a
 * real dockerd, a supervised program and a service that is down, scraped every second by a real Prometheus;
 * every panel's query, with Grafana's variables filled in as Grafana would, is run by that Prometheus and
 * must parse and return series.
 */
@ExtendWith(DockerEngineHarness.class)
class GrafanaDashboardIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String KEY = "hth_grafana_test_admin_key_of_32_characters";
    /** Families Hearth exports only where the machine has the hardware (a CPU sensor, an NVIDIA GPU). */
    private static final Set<String> HARDWARE_ONLY = Set.of("hearth_cpu_temperature_celsius", "hearth_gpu_usage_ratio");

    private static final Pattern METRIC = Pattern.compile("\\b(hearth_[a-z0-9_]+)");

    @TempDir
    static Path dir;

    static Process hearth;
    static Daemon prometheus;
    static DockerEngineClient docker;
    static int hearthPort;
    static int prometheusPort;

    @BeforeAll
    static void hearthScrapedByPrometheus(DockerEngine engine) throws Exception {
        docker = engine.client();
        docker.start(docker.createContainer(
                "grafana-web",
                ContainerSpec.of(
                        DockerEngine.TEST_IMAGE, "sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.2; done")));
        hearthPort = Ports.free();
        int webPort = Ports.free();
        Path config = dir.resolve("hearth.yml");
        Files.writeString(config, """
                server: { host: 127.0.0.1 }
                monitoring: { interval: 1s, latency_target: "127.0.0.1:%d" }
                docker:
                  endpoints:
                    - { name: local, host: "%s" }
                services:
                  - name: web-container
                    runtime: { docker: { container: grafana-web } }
                  - name: files
                    url: http://127.0.0.1:%d
                    check_interval: 1s
                    runtime: { process: { command: [python3, -m, http.server, "%d", --bind, 127.0.0.1] } }
                  - name: gone
                    url: http://127.0.0.1:%d
                    check_interval: 1s
                    timeout: 1s
                """.formatted(hearthPort, engine.host(), webPort, webPort, Ports.free()));
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of("bin/hearth").toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("hearth.out").toFile());
        pb.environment()
                .putAll(Map.of(
                        "HEARTH_CONFIG",
                        config.toString(),
                        "HEARTH_PORT",
                        String.valueOf(hearthPort),
                        "HEARTH_DATA_DIR",
                        dir.resolve("data").toString(),
                        "HEARTH_ADMIN_API_KEY",
                        KEY));
        hearth = pb.start();

        prometheusPort = Ports.free();
        Path promConfig = dir.resolve("prometheus.yml");
        Files.writeString(promConfig, """
                global: { scrape_interval: 1s, evaluation_interval: 1s }
                scrape_configs:
                  - job_name: hearth
                    metrics_path: /metrics
                    static_configs: [{ targets: ["127.0.0.1:%d"] }]
                    authorization: { credentials: "%s" }
                """.formatted(hearthPort, KEY));
        prometheus = Daemon.start(
                        "prometheus",
                        List.of(
                                "prometheus",
                                "--config.file=" + promConfig,
                                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                                "--web.listen-address=127.0.0.1:" + prometheusPort),
                        dir,
                        Map.of(),
                        dir.resolve("prometheus.log"))
                .awaitHttp(URI.create("http://127.0.0.1:" + prometheusPort + "/-/ready"), Duration.ofSeconds(30));
        // Every family the dashboard reads (rates need two samples), the down service, the container and the process
        // seen.
        Await.untilTrue(
                Duration.ofSeconds(90), "Prometheus to hold Hearth's container, process and service figures", () -> {
                    if (!hearth.isAlive())
                        throw new IllegalStateException("Hearth stopped: " + read(dir.resolve("hearth.out")));
                    return !series("hearth_container_running{container=\"grafana-web\"} == 1")
                                    .isEmpty()
                            && !series("hearth_process_resident_memory_bytes{service=\"files\"}")
                                    .isEmpty()
                            && !series("hearth_service_up{service=\"gone\"} == 0")
                                    .isEmpty()
                            && !series("hearth_service_up{service=\"files\"} == 1")
                                    .isEmpty()
                            && !series("rate(hearth_network_received_bytes_total[1m])")
                                    .isEmpty()
                            && !series("hearth_network_latency_seconds").isEmpty();
                });
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) prometheus.stop();
        if (hearth != null) {
            hearth.destroy();
            hearth.waitFor();
        }
        if (docker != null) docker.remove("grafana-web", true);
    }

    /** Prometheus's answer to an instant query: the series, or a failure naming the query and Prometheus's error. */
    private static List<JsonNode> series(String query) {
        try {
            URI url = URI.create("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8));
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            if (!"success".equals(body.path("status").asText())) {
                throw new AssertionError("Prometheus refused " + query + ": "
                        + body.path("errorType").asText() + " "
                        + body.path("error").asText());
            }
            List<JsonNode> out = new ArrayList<>();
            body.path("data").path("result").forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new AssertionError("Prometheus did not answer " + query, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What Grafana sends for the dashboard's variables: all instances, and a rate window of a few scrapes. */
    private static String asGrafanaSendsIt(String expr) {
        return expr.replace("$instance", ".*").replace("$__rate_interval", "1m");
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            out.add(p);
            p.path("panels").forEach(out::add);
        });
        return out;
    }

    @Test
    void everyPanelsQueryParsesAndReturnsSeriesFromALiveScrapeOfHearth() throws Exception {
        JsonNode dashboard = JSON.readTree(Path.of("docs/grafana/hearth.json").toFile());
        String scrape = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hearthPort + "/metrics"))
                                .header("X-API-Key", KEY)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        int queries = 0;
        List<String> empty = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertFalse(expr.isBlank(), panel.path("title").asText());
                queries++;
                if (series(asGrafanaSendsIt(expr)).isEmpty()) {
                    empty.add(panel.path("title").asText() + ": " + expr);
                    // Only a family this machine has no hardware for may be empty, and then Hearth exports none of it.
                    Set<String> families = families(expr);
                    assertTrue(
                            HARDWARE_ONLY.containsAll(families),
                            "no series for '" + panel.path("title").asText() + "': " + expr);
                    families.forEach(f -> assertFalse(
                            scrape.contains("\n" + f), f + " is in Hearth's scrape, so the query is wrong: " + expr));
                }
            }
        }
        assertTrue(queries >= 25, "the dashboard's queries: " + queries);
        assertTrue(empty.size() <= HARDWARE_ONLY.size(), "empty: " + empty);
    }

    @Test
    void theDashboardCoversHostContainersDownloadsAndAlertsAndImportsWithAnyPrometheus() throws Exception {
        JsonNode dashboard = JSON.readTree(Path.of("docs/grafana/hearth.json").toFile());
        List<String> rows = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        Set<String> families = new HashSet<>();
        for (JsonNode p : panels(dashboard)) {
            assertTrue(ids.add(p.path("id").asInt()), "panel ids are unique: " + p.path("id"));
            assertTrue(
                    p.path("gridPos").has("w") && p.path("gridPos").has("h"),
                    p.path("title").asText());
            if (p.path("type").asText().equals("row")) {
                rows.add(p.path("title").asText());
                continue;
            }
            assertEquals(
                    "${DS_PROMETHEUS}",
                    p.path("datasource").path("uid").asText(),
                    "asks for the data source on import: " + p.path("title"));
            p.path("targets").forEach(t -> {
                assertEquals(
                        "${DS_PROMETHEUS}", t.path("datasource").path("uid").asText());
                assertTrue(
                        t.path("expr").asText().contains("instance=~\"$instance\""),
                        "each query follows the Hearth picker: " + t.path("expr"));
                families.addAll(families(t.path("expr").asText()));
            });
        }
        assertTrue(
                rows.containsAll(List.of("Host", "Services and containers", "Downloads", "Alerts")), rows.toString());
        assertEquals(
                "DS_PROMETHEUS", dashboard.path("__inputs").get(0).path("name").asText());
        assertTrue(
                families.containsAll(List.of(
                        "hearth_cpu_usage_ratio",
                        "hearth_memory_used_bytes",
                        "hearth_disk_used_bytes",
                        "hearth_container_cpu_usage_ratio",
                        "hearth_container_running",
                        "hearth_service_up",
                        "hearth_downloads",
                        "hearth_download_speed_bytes_per_second",
                        "hearth_alerts_active")),
                families.toString());
    }

    private static Set<String> families(String expr) {
        Set<String> out = new HashSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
