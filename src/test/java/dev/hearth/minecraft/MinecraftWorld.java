package dev.hearth.minecraft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.fakes.FakeCloudflare;
import dev.hearth.services.docker.DockerEngineClient;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.Processes;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the Minecraft API tests run against: a real dockerd holding a local stand-in tagged as the configured image
 * (busybox that waits politely: no registry here, and the container spec, not the game, is under test), and the
 * Cloudflare API double for the DNS record players find the server by.
 */
public class MinecraftWorld implements QuarkusTestResourceLifecycleManager {
    static final String IMAGE = "itzg/minecraft-server:latest";
    static DockerEngine engine;
    static DockerEngineClient docker;
    static FakeCloudflare cloudflare;
    static int firstPort;
    static int firstRconPort;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Map<String, String> start() {
        try {
            engine = DockerEngine.start();
            docker = engine.client();
            docker.importImage(
                    engine.dir().resolve("rootfs.tar"),
                    "itzg/minecraft-server",
                    "latest",
                    List.of(
                            "ENV PATH=/bin",
                            "CMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; while true; do sleep 0.2; done\"]"));
            cloudflare = new FakeCloudflare("cf-test-token-0123456789", "example.org");
            firstPort = freePort();
            firstRconPort = freePort();
            Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "minecraft-api-");
            return Map.ofEntries(
                    Map.entry("hearth.data_dir", data.toString()),
                    Map.entry("hearth.domain", "example.org"),
                    Map.entry(
                            "hearth.docker.endpoints",
                            JSON.writeValueAsString(List.of(Map.of(
                                    "name", "local", "host", engine.host().toString())))),
                    Map.entry("hearth.minecraft.first_port", String.valueOf(firstPort)),
                    Map.entry("hearth.minecraft.first_rcon_port", String.valueOf(firstRconPort)),
                    Map.entry("hearth.minecraft.public_host", "home.example.org"),
                    Map.entry("hearth.minecraft.timeout", "2s"),
                    Map.entry("hearth.dns.provider", "cloudflare"),
                    Map.entry("hearth.dns.cloudflare.api_token", "cf-test-token-0123456789"),
                    Map.entry("hearth.dns.cloudflare.zone", "example.org"),
                    Map.entry("hearth.dns.cloudflare.tunnel_id", cloudflare.tunnelId),
                    Map.entry("hearth.dns.cloudflare.account_id", cloudflare.accountId),
                    Map.entry("hearth.dns.cloudflare.api_base_url", cloudflare.baseUrl()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine's own inspect of a container or volume, raw: what Docker itself was asked to create. */
    public static JsonNode inspect(String path) throws IOException {
        String out = Processes.run(
                Path.of("."), "curl", "-sS", "--unix-socket", engine.host().getPath(), "http://localhost" + path);
        return JSON.readTree(out);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (cloudflare != null) cloudflare.close();
        if (engine != null) engine.close();
    }
}
