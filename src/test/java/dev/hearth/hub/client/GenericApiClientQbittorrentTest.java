package dev.hearth.hub.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.testing.QbittorrentDaemon;
import dev.hearth.testing.Waits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic client against the real qBittorrent 4.5.2: its cookie login found without being told, its API used, its logout survived. */
class GenericApiClientQbittorrentTest {
    private static final String HASH = "3b245504cf5f11bbdbe1201cea6a6bf45aee1bc0";

    @TempDir
    static Path dir;

    private static QbittorrentDaemon qbit;
    private static HttpStack stack;

    @BeforeAll
    static void start() {
        qbit = new QbittorrentDaemon(dir);
        stack = new HttpStack(JsonMapper.builder().build(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        stack.close();
        qbit.close();
    }

    private static GenericApiClient client(String password) {
        return GenericApiClient.builder(stack, "qbittorrent", qbit.url())
                .credentials(ApiCredentials.login(QbittorrentDaemon.USER, password))
                .build();
    }

    @Test
    void theCookieLoginIsFoundAmongTheCommonEndpointsAndTheApiIsUsedThroughIt() {
        GenericApiClient c = client(QbittorrentDaemon.PASSWORD);
        var version = c.get("/api/v2/app/version");
        assertEquals(200, version.status());
        assertTrue(version.text().startsWith("v4."), version.text());
        assertEquals(AuthStyle.SESSION_COOKIE, c.authStyle());

        Map<String, String> add = new LinkedHashMap<>();
        add.put("urls", "magnet:?xt=urn:btih:" + HASH + "&dn=hearth-hub-generic");
        add.put("paused", "true");
        var added = c.post("/api/v2/torrents/add", ApiBody.form(add));
        assertEquals("200 Ok.", added.status() + " " + added.text());
        JsonNode listed = Waits.until(
                "the magnet is listed",
                Duration.ofSeconds(10),
                () -> c.get("/api/v2/torrents/info", Map.of("hashes", HASH)).json(),
                n -> n.size() == 1);
        assertEquals("hearth-hub-generic", listed.get(0).get("name").asText());

        assertEquals(
                200,
                c.post("/api/v2/torrents/delete", ApiBody.form(Map.of("hashes", HASH, "deleteFiles", "false")))
                        .status());
        Waits.until(
                "the torrent is gone",
                Duration.ofSeconds(10),
                () -> StreamSupport.stream(c.get("/api/v2/torrents/info").json().spliterator(), false)
                        .noneMatch(t -> t.get("hash").asText().equals(HASH)));
    }

    @Test
    void aSessionEndedOnTheServerIsRenewedOnceByItself() {
        GenericApiClient c = client(QbittorrentDaemon.PASSWORD);
        assertEquals(200, c.get("/api/v2/app/version").status());
        String before = c.cookie("SID").orElseThrow();
        assertEquals(200, c.post("/api/v2/auth/logout", ApiBody.none()).status());
        assertEquals(
                200, c.get("/api/v2/app/webapiVersion").status(), "403 after the logout, a new login, the call again");
        String after = c.cookie("SID").orElseThrow();
        assertTrue(!after.equals(before), "a new session was opened");
        assertEquals(AuthStyle.SESSION_COOKIE, c.authStyle());
    }

    @Test
    void aWrongPasswordIsQbittorrentsFailsOnceAndThenRememberedNotRetried() {
        GenericApiClient wrong = client("not-the-password");
        UpstreamException.AuthFailed e =
                assertThrows(UpstreamException.AuthFailed.class, () -> wrong.get("/api/v2/app/version"));
        assertEquals(
                "upstream 'qbittorrent': the login at /api/v2/auth/login refused the credentials ('Fails.')",
                e.getMessage());
        for (int i = 0; i < 6; i++) {
            // Six more calls: had each tried a login, qBittorrent would now ban this address (the 6th failure does).
            assertThrows(UpstreamException.AuthFailed.class, () -> wrong.get("/api/v2/app/version"));
        }
        assertEquals(
                200,
                client(QbittorrentDaemon.PASSWORD).get("/api/v2/app/version").status(),
                "not banned");
    }
}
