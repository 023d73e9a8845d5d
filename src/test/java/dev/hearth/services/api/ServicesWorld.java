package dev.hearth.services.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hearth.services.docker.ContainerSpec;
import dev.hearth.services.docker.DockerEngineClient;
import dev.hearth.testing.DockerEngine;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the services API tests run against: a real dockerd with labelled containers, a Traefik API double
 * with one router for a container that carries no labels, an upstream that never answers, and a port for
 * a real HTTP server Hearth starts as a process service.
 */
public class ServicesWorld implements QuarkusTestResourceLifecycleManager {
    static DockerEngine engine;
    static DockerEngineClient docker;
    static int webPort;
    static int deadPort;
    private HttpServer traefik;
    private HttpServer hung;

    @Override
    public Map<String, String> start() {
        try {
            engine = DockerEngine.start();
            docker = engine.client();
            String polite = "trap 'exit 0' TERM; echo plex says hello; while true; do sleep 0.2; done";
            docker.start(docker.createContainer("plex", ContainerSpec.of(DockerEngine.TEST_IMAGE, "sh", "-c", polite)));
            docker.createContainer(
                    "crashy", ContainerSpec.of(DockerEngine.TEST_IMAGE, "sh", "-c", "sleep 1; echo dying >&2; exit 1"));
            docker.createContainer(
                    "lab-hearth",
                    ContainerSpec.of(DockerEngine.TEST_IMAGE, "true")
                            .withLabels(Map.of(
                                    "hearth.enable",
                                    "true",
                                    "hearth.name",
                                    "jellyfin",
                                    "hearth.group",
                                    "Media",
                                    "hearth.url",
                                    "http://127.0.0.1:8096",
                                    "hearth.icon",
                                    "jellyfin.png")));
            docker.createContainer(
                    "lab-homepage",
                    ContainerSpec.of(DockerEngine.TEST_IMAGE, "true")
                            .withLabels(Map.of(
                                    "homepage.name",
                                    "Sonarr TV",
                                    "homepage.group",
                                    "Media",
                                    "homepage.href",
                                    "http://127.0.0.1:8989",
                                    "homepage.icon",
                                    "sonarr.png")));
            docker.createContainer(
                    "lab-traefik",
                    ContainerSpec.of(DockerEngine.TEST_IMAGE, "true")
                            .withLabels(Map.of(
                                    "traefik.enable",
                                    "true",
                                    "traefik.http.routers.radarr.rule",
                                    "Host(`radarr.home.test`)",
                                    "traefik.http.routers.radarr.tls",
                                    "true")));
            docker.createContainer("whoami", ContainerSpec.of(DockerEngine.TEST_IMAGE, "true"));
            docker.createContainer(
                    "lab-optout",
                    ContainerSpec.of(DockerEngine.TEST_IMAGE, "true")
                            .withLabels(Map.of("hearth.enable", "false", "homepage.name", "Secret")));
            docker.createContainer("plain", ContainerSpec.of(DockerEngine.TEST_IMAGE, "true"));

            traefik = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            traefik.createContext("/api/http/routers", ex -> {
                byte[] body = """
                        [{"name":"whoami@docker","rule":"Host(`whoami.home.test`)","service":"whoami","provider":"docker","status":"enabled"},
                         {"name":"dashboard@internal","rule":"PathPrefix(`/api`)","service":"api@internal","provider":"internal"}]
                        """.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            traefik.start();
            hung = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            hung.setExecutor(r -> Thread.ofVirtual().start(r));
            hung.createContext("/", ex -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // server stopping
                }
                ex.close();
            });
            hung.start();
            webPort = freePort();
            deadPort = freePort();
            Path data = Files.createTempDirectory("hearth-services-api");
            Path www = Files.createDirectories(data.resolve("www"));
            Files.writeString(www.resolve("index.html"), "web is up");

            ObjectMapper json = new ObjectMapper();
            List<Map<String, Object>> services = List.of(
                    Map.of(
                            "name",
                            "plex",
                            "url",
                            "http://127.0.0.1:" + deadPort,
                            "integration",
                            "http",
                            "timeout",
                            "1s",
                            "runtime",
                            Map.of("docker", Map.of("container", "plex", "endpoint", "local"))),
                    Map.of(
                            "name",
                            "crashy",
                            "runtime",
                            Map.of("docker", Map.of("container", "crashy", "endpoint", "local"))),
                    Map.of(
                            "name",
                            "web",
                            "url",
                            "http://127.0.0.1:" + webPort,
                            "group",
                            "Tools",
                            "runtime",
                            Map.of(
                                    "process",
                                    Map.of(
                                            "command",
                                            List.of(
                                                    "busybox",
                                                    "httpd",
                                                    "-f",
                                                    "-p",
                                                    "127.0.0.1:" + webPort,
                                                    "-h",
                                                    www.toString()),
                                            "restart",
                                            "on-failure",
                                            "stop_timeout",
                                            "2s"))),
                    Map.of(
                            "name",
                            "hung",
                            "url",
                            "http://127.0.0.1:" + hung.getAddress().getPort() + "/",
                            "timeout",
                            "1s"));
            return Map.of(
                    "hearth.data_dir", data.toString(),
                    "hearth.docker.endpoints",
                            json.writeValueAsString(List.of(Map.of(
                                    "name", "local", "host", engine.host().toString()))),
                    "hearth.docker.traefik_api",
                            "http://127.0.0.1:" + traefik.getAddress().getPort(),
                    "hearth.services", json.writeValueAsString(services));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (traefik != null) traefik.stop(0);
        if (hung != null) hung.stop(0);
        if (engine != null) engine.close();
    }
}
