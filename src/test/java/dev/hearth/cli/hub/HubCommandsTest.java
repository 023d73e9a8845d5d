package dev.hearth.cli.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.cli.CommandContext;
import dev.hearth.hub.vault.KeySource;
import dev.hearth.hub.vault.Vault;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.TestConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's subcommands on a real data dir (SQLite) with Hearth stopped. */
class HubCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CommandContext context(Path dataDir, int port, Map<String, String> env) {
        return new CommandContext(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                TestConfig.environment(
                        Map.of("hearth.data_dir", dataDir.toString(), "hearth.server.port", String.valueOf(port)), env),
                Clock.systemUTC());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Vault vault(Path dir) {
        return new Vault(
                new Database(TestConfig.sqlite(dir)), KeySource.of(dir, n -> Optional.empty()), Clock.systemUTC());
    }

    @Test
    void rotateKeyReSealsEveryValueUnderANewKeyFileAndTheyStillOpen(@TempDir Path dir) throws Exception {
        vault(dir).put("sonarr", "api_key", "the-sonarr-key-123", "admin");
        byte[] before = Files.readAllBytes(dir.resolve(KeySource.FILE_NAME));
        assertEquals(0, new RotateKeyCommand().run(List.of(), context(dir, freePort(), Map.of())), err.toString());
        assertTrue(out.toString().contains("1 values re-sealed"), out.toString());
        assertFalse(out.toString().contains("the-sonarr-key-123"));
        byte[] after = Files.readAllBytes(dir.resolve(KeySource.FILE_NAME));
        assertNotEquals(
                new String(before, StandardCharsets.ISO_8859_1), new String(after, StandardCharsets.ISO_8859_1));
        assertEquals(Optional.of("the-sonarr-key-123"), vault(dir).get("sonarr", "api_key"));
    }

    @Test
    void rotateKeyRefusesWhileHearthListensOnItsPort(@TempDir Path dir) throws Exception {
        try (ServerSocket running = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(75, new RotateKeyCommand().run(List.of(), context(dir, running.getLocalPort(), Map.of())));
            assertTrue(err.toString().contains("stop it first"), err.toString());
        }
    }

    @Test
    void importHomepageSealsTheWidgetKeysAndPrintsTheServicesWithoutThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("services.yaml");
        Files.writeString(file, """
                - Media:
                    - Sonarr:
                        icon: sonarr.png
                        href: http://sonarr.lan:8989/
                        widget:
                          type: sonarr
                          url: http://192.168.1.20:8989
                          key: homepage-sonarr-key-42
                    - qBittorrent:
                        href: http://qbit.lan:8080
                        widget:
                          type: qbittorrent
                          url: http://192.168.1.20:8080
                          username: admin
                          password: homepage-qbit-password
                - Other:
                    - Notes:
                        description: no address at all
                    - Wiki:
                        href: https://wiki.lan
                """);
        int code = new ImportCommand().run(List.of("homepage", file.toString()), context(dir, freePort(), Map.of()));
        assertEquals(0, code, err.toString());
        String yaml = out.toString();
        assertTrue(yaml.contains("name: \"sonarr\"") || yaml.contains("name: sonarr"), yaml);
        assertTrue(yaml.contains("192.168.1.20:8989"), yaml);
        assertTrue(yaml.contains("integration: \"qbittorrent\"") || yaml.contains("integration: qbittorrent"), yaml);
        assertTrue(yaml.contains("wiki"), yaml);
        assertFalse(yaml.contains("homepage-sonarr-key-42") || yaml.contains("homepage-qbit-password"), yaml);
        assertFalse(err.toString().contains("homepage-"), err.toString());
        assertTrue(err.toString().contains("skipped Notes"), err.toString());
        Vault vault = vault(dir);
        assertEquals(Optional.of("homepage-sonarr-key-42"), vault.get("sonarr", "api_key"));
        assertEquals(Optional.of("homepage-qbit-password"), vault.get("qbittorrent", "password"));
        assertEquals(Optional.of("admin"), vault.get("qbittorrent", "username"));
    }

    /** A Homarr 0.x board configuration as its types describe it (src/types/config.ts, app.ts, category.ts, area.ts). */
    @Test
    void importHomarrSealsTheIntegrationSecretsAndPrintsTheAppsWithTheirCategories(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("default.json");
        Files.writeString(file, """
                {
                  "schemaVersion": 2,
                  "configProperties": { "name": "default" },
                  "categories": [ { "id": "cat-media", "position": 1, "name": "Media" } ],
                  "wrappers": [ { "id": "default", "position": 0 } ],
                  "apps": [
                    {
                      "id": "a1", "name": "Sonarr", "url": "http://192.168.1.20:8989",
                      "behaviour": { "externalUrl": "https://sonarr.example.org", "isOpeningNewTab": true },
                      "network": { "enabledStatusChecker": true, "statusCodes": ["200"] },
                      "appearance": { "iconUrl": "/icons/sonarr.png", "appNameStatus": "normal" },
                      "integration": { "type": "sonarr", "properties": [
                        { "field": "apiKey", "type": "private", "value": "homarr-sonarr-key-77" } ] },
                      "area": { "type": "category", "properties": { "id": "cat-media" } },
                      "shape": {}
                    },
                    {
                      "id": "a2", "name": "qBittorrent", "url": "http://192.168.1.20:8080",
                      "behaviour": { "externalUrl": "" },
                      "appearance": { "iconUrl": "" },
                      "integration": { "type": "qBittorrent", "properties": [
                        { "field": "username", "type": "public", "value": "admin" },
                        { "field": "password", "type": "private", "value": "homarr-qbit-password" } ] },
                      "area": { "type": "wrapper", "properties": { "id": "default" } }
                    },
                    {
                      "id": "a3", "name": "Radarr", "url": "http://192.168.1.20:7878",
                      "integration": { "type": "radarr", "properties": [
                        { "field": "apiKey", "type": "private", "value": null } ] },
                      "area": { "type": "category", "properties": { "id": "cat-media" } }
                    },
                    {
                      "id": "a4", "name": "Router", "url": "",
                      "behaviour": { "externalUrl": "http://192.168.1.1" },
                      "integration": { "type": null, "properties": [] }
                    },
                    { "id": "a5", "name": "Clock widget", "url": "" }
                  ],
                  "widgets": [],
                  "settings": {}
                }
                """);
        int code = new ImportCommand().run(List.of("homarr", file.toString()), context(dir, freePort(), Map.of()));
        assertEquals(0, code, err.toString());
        String yaml = out.toString();
        for (String expected : new String[] {
            "sonarr", "192.168.1.20:8989", "Media", "/icons/sonarr.png", "qbittorrent", "radarr", "http://192.168.1.1"
        }) {
            assertTrue(yaml.contains(expected), expected + " in " + yaml);
        }
        assertTrue(
                yaml.contains("integration: \"qbittorrent\"") || yaml.contains("integration: qbittorrent"),
                "Homarr's qBittorrent is Hearth's qbittorrent kind: " + yaml);
        assertFalse(yaml.contains("homarr-sonarr-key-77") || yaml.contains("homarr-qbit-password"), yaml);
        assertFalse(err.toString().contains("homarr-"), err.toString());
        assertTrue(err.toString().contains("skipped Clock widget"), err.toString());
        assertTrue(err.toString().contains("incomplete Radarr: api_key"), err.toString());
        Vault vault = vault(dir);
        assertEquals(Optional.of("homarr-sonarr-key-77"), vault.get("sonarr", "api_key"));
        assertEquals(Optional.of("homarr-qbit-password"), vault.get("qbittorrent", "password"));
        assertEquals(Optional.of("admin"), vault.get("qbittorrent", "username"));
        assertEquals(Optional.empty(), vault.get("radarr", "api_key"));
    }

    @Test
    void importHomarrRefusesAFileThatIsNotABoardExport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("services.yaml");
        Files.writeString(file, "- Media:\n    - Sonarr: {href: http://x}\n");
        assertEquals(
                65, new ImportCommand().run(List.of("homarr", file.toString()), context(dir, freePort(), Map.of())));
        assertTrue(err.toString().contains("not JSON"), err.toString());
    }

    @Test
    void detectApisWithoutAKeySaysHowToGiveOne(@TempDir Path dir) throws Exception {
        assertEquals(64, new DetectApisCommand().run(List.of("--force"), context(dir, freePort(), Map.of())));
        assertTrue(err.toString().contains("HEARTH_API_KEY"), err.toString());
        assertEquals(64, new DetectApisCommand().run(List.of("--everything"), context(dir, freePort(), Map.of())));
    }

    @Test
    void detectApisSaysWhenHearthDoesNotAnswer(@TempDir Path dir) throws Exception {
        int code = new DetectApisCommand()
                .run(List.of(), context(dir, freePort(), Map.of("HEARTH_API_KEY", "hth_some_operator_key")));
        assertEquals(69, code);
        assertTrue(err.toString().contains("is it running"), err.toString());
        assertFalse(err.toString().contains("hth_some_operator_key"));
    }
}
