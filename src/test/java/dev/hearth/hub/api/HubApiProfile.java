package dev.hearth.hub.api;

import dev.hearth.fakes.hub.HubDouble.Reply;
import dev.hearth.fakes.hub.ScriptedService;
import dev.hearth.testing.QbittorrentDaemon;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Hearth with the real qBittorrent registered without credentials (they are set through the API), an API-key
 * service whose key is in hearth.yml (a Sonarr-like double: 401 without it), and a dead one; a proxy allow-list on
 * the qBittorrent entry named "qbit-ro"; a box Docker does not run ("nas", a file server without auth) that names its
 * API by labels in hearth.yml and answers an image, a page and JSON written by hand.
 */
public class HubApiProfile implements QuarkusTestProfile {
    static final String KEY = "hub-api-test-key-0123456789";
    static volatile QbittorrentDaemon qbit;
    static volatile ScriptedService keyed;
    static volatile ScriptedService files;
    /** A real 3×2 PNG: its first byte (0x89) alone makes it no UTF-8 text; a browser can draw it. */
    static final byte[] IMAGE = image();

    static final String HAND_WRITTEN_JSON = "{ \"price\": 1.10,  \"big\": 123456789012345678901234567890 }";

    private static byte[] image() {
        var picture = new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 3; x++) for (int y = 0; y < 2; y++) picture.setRGB(x, y, 0x102030 * (x + 1) + 0x7f * y);
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(picture, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Upstreams.class));
    }

    public static class Upstreams implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                Path dataDir = Files.createTempDirectory("hearth-hub-api-");
                qbit = new QbittorrentDaemon(Files.createDirectories(dataDir.resolve("qbit")));
                keyed = new ScriptedService()
                        .answer(r -> !KEY.equals(r.header("X-Api-Key"))
                                ? Reply.json(401, Map.of("error", "Unauthorized"))
                                : r.rawPath().equals("/api/v3/system/status")
                                        ? Reply.json(200, Map.of("appName", "Sonarr", "version", "4.0.9"))
                                        : Reply.json(200, Map.of("path", r.rawPath())));
                files = new ScriptedService().answer(r -> switch (r.rawPath()) {
                    case "/img.png" -> new Reply(200, "image/png", IMAGE, Map.of());
                    case "/page.html" -> Reply.html(200, "<html><script>alert(document.cookie)</script></html>");
                    case "/api/v3/numbers" ->
                        new Reply(
                                200,
                                "application/json",
                                HAND_WRITTEN_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                Map.of());
                    default -> Reply.json(200, Map.of("path", r.rawPath()));
                });
                int dead;
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    dead = s.getLocalPort();
                }
                Path yml = Files.createTempFile("hearth-hub-", ".yml");
                Files.writeString(yml, """
                        services:
                          - name: qbittorrent
                            url: "%1$s"
                            integration: qbittorrent
                          - name: qbit-ro
                            url: "%1$s"
                          - name: series
                            url: "%2$s"
                            credentials: { api_key: "%3$s" }
                          - name: gone
                            url: "http://127.0.0.1:%4$d"
                          - name: nas
                            url: "%5$s"
                            labels:
                              hearth.api.type: sonarr
                              hearth.api.endpoint: /api/v3
                        hub:
                          probe_timeout: 1s
                          proxy_timeout: 3s
                          proxy_allow:
                            - service: qbit-ro
                              rules: ["GET /api/v2/app/*"]
                        """.formatted(
                                qbit.url().toString().replaceAll("/$", ""),
                                keyed.url().toString().replaceAll("/$", ""),
                                KEY,
                                dead,
                                files.url().toString().replaceAll("/$", "")));
                return Map.of("hearth.config", yml.toString(), "hearth.data_dir", dataDir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            if (qbit != null) qbit.close();
            if (keyed != null) keyed.close();
            if (files != null) files.close();
        }
    }
}
