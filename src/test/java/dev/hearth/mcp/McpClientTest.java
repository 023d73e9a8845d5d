package dev.hearth.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.actions.AuditLog;
import dev.hearth.assistant.AssistantProfile;
import dev.hearth.services.RuntimeDispatch;
import dev.hearth.testing.Api;
import dev.hearth.testing.Await;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hearth's MCP server driven by an independent client: the reference TypeScript SDK from the npm registry
 * ({@code @modelcontextprotocol/sdk}), installed by this test into a temp dir and run with node. It negotiates the
 * 2025-11-25 protocol with a session, lists and calls tools, lists and reads resources, and ends its session, once
 * with a viewer key and once with an operator key.
 */
@QuarkusTest
@TestProfile(AssistantProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpClientTest {
    static final String SDK = "@modelcontextprotocol/sdk@1.32.2";
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/mcp")
    URI mcp;

    @Inject
    RuntimeDispatch services;

    @Inject
    AuditLog audit;

    Path dir;

    @BeforeAll
    void installTheClient() throws Exception {
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "mcp-client-");
        Files.writeString(
                dir.resolve("package.json"), "{\"name\":\"hearth-mcp-test\",\"private\":true,\"type\":\"module\"}");
        try (InputStream in = getClass().getResourceAsStream("/dev/hearth/mcp/client.mjs")) {
            Files.copy(in, dir.resolve("client.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
        Result r = run(
                List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", SDK), Duration.ofMinutes(4));
        assertEquals(0, r.exit(), "npm install " + SDK + " failed: " + r.err());
    }

    record Result(int exit, String out, String err) {}

    Result run(List<String> command, Duration limit) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(false)
                .start();
        p.getOutputStream().close();
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        Thread a = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
        Thread b = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within " + limit);
        }
        a.join();
        b.join();
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, java.io.OutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process ended
        }
    }

    JsonNode client(String role, String tool, String args, String uri) throws Exception {
        Result r = run(
                List.of("node", "client.mjs", mcp.toString(), Api.key(role), tool, args, uri), Duration.ofSeconds(60));
        assertEquals(0, r.exit(), "node client failed: " + r.err());
        JsonNode out = JSON.readTree(r.out());
        assertNull(
                out.get("failure"),
                () -> "the SDK client failed: " + out.path("failure").asText());
        return out;
    }

    static List<String> names(JsonNode tools) {
        List<String> names = new ArrayList<>();
        tools.forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    @Test
    void aViewerKeySeesOnlyReadToolsAndIsRefusedARestart() throws Exception {
        Await.untilTrue(
                Duration.ofSeconds(10),
                "plex runs",
                () -> services.status("plex").running());
        long pid = services.status("plex").pid();
        JsonNode out = client("viewer", "services_restart", "{\"name\":\"plex\"}", "hearth://status");
        assertEquals("2025-11-25", out.path("protocolVersion").asText());
        assertEquals("hearth", out.path("server").path("name").asText());
        List<String> tools = names(out.path("tools"));
        assertTrue(
                tools.containsAll(
                        List.of("system_status", "services_list", "tasks_list", "alerts_list", "monitoring_host")),
                tools.toString());
        assertFalse(tools.contains("services_restart"), "a viewer is not offered a restart: " + tools);
        assertFalse(tools.contains("services_stop"));
        JsonNode status = out.path("tools").findParents("name").stream()
                .filter(t -> t.path("name").asText().equals("system_status"))
                .findFirst()
                .orElseThrow();
        assertTrue(status.path("annotations").path("readOnlyHint").asBoolean());
        assertEquals("object", status.path("inputSchema").path("type").asText());
        assertTrue(out.path("call").path("isError").asBoolean(), "calling a tool the role lacks is an error result");
        assertTrue(
                out.path("call").path("content").path(0).path("text").asText().startsWith("FORBIDDEN"));
        assertEquals(pid, services.status("plex").pid(), "nothing restarted");
        assertTrue(
                audit.recent(50, 0, Instant.EPOCH).stream()
                        .anyMatch(e -> e.door().equals("mcp")
                                && e.action().equals("services.restart")
                                && e.outcome().equals("forbidden")),
                "the refusal is audited under the mcp door");
        assertTrue(out.path("resources").toString().contains("hearth://status"));
        assertFalse(
                out.path("resources").toString().contains("hearth://services/plex/logs"),
                "a service's log needs the operator role");
        JsonNode read = JSON.readTree(
                out.path("read").path("contents").path(0).path("text").asText());
        assertEquals("running", read.path("status").asText());
        assertTrue(out.path("terminated").asBoolean(), "the session ended with DELETE");
    }

    @Test
    void anOperatorKeyRestartsARealProcessAndReadsItsLog() throws Exception {
        Await.untilTrue(
                Duration.ofSeconds(10),
                "plex runs",
                () -> services.status("plex").running());
        long pid = services.status("plex").pid();
        JsonNode out = client("operator", "services_restart", "{\"name\":\"plex\"}", "hearth://services/plex/logs");
        List<String> tools = names(out.path("tools"));
        assertTrue(
                tools.containsAll(List.of("services_restart", "services_stop", "downloads_add", "tasks_pause")),
                tools.toString());
        assertFalse(tools.contains("keys_create"), "admin tools stay hidden from an operator");
        JsonNode stop = out.path("tools").findParents("name").stream()
                .filter(t -> t.path("name").asText().equals("services_stop"))
                .findFirst()
                .orElseThrow();
        assertTrue(stop.path("annotations").path("destructiveHint").asBoolean());
        assertFalse(
                out.path("call").path("isError").asBoolean(), out.path("call").toString());
        assertEquals(
                "running",
                out.path("call")
                        .path("structuredContent")
                        .path("result")
                        .path("state")
                        .asText());
        assertNotEquals(pid, services.status("plex").pid(), "a new process runs");
        assertTrue(audit.recent(50, 0, Instant.EPOCH).stream()
                .anyMatch(e -> e.door().equals("mcp")
                        && e.action().equals("services.restart")
                        && e.outcome().equals("ok")));
        assertTrue(out.path("resources").toString().contains("hearth://services/plex/logs"));
        assertEquals(
                "text/plain",
                out.path("read").path("contents").path(0).path("mimeType").asText());
    }
}
