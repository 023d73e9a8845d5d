package dev.hearth.hub.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.hub.client.ApiCredentials;
import dev.hearth.hub.client.AuthHints;
import dev.hearth.hub.client.AuthStyle;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.testing.QbittorrentDaemon;
import dev.hearth.testing.Waits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy core in front of the real qBittorrent 4.5.2, through its cookie login: the seed's own qBittorrent examples. */
class ProxyCoreQbittorrentTest {
    private static final String HASH = "8c0e9a2bb6d1e9f1a7d3c5b4e2f1a0b9c8d7e6f5";

    @TempDir
    static Path dir;

    private static QbittorrentDaemon qbit;
    private static HttpStack stack;
    private static ProxyCore proxy;

    @BeforeAll
    static void start() {
        qbit = new QbittorrentDaemon(dir);
        stack = new HttpStack(JsonMapper.builder().build(), Clock.systemUTC());
        proxy = new ProxyCore(stack, HostResolver.SYSTEM, ProxyLimits.defaults(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        stack.close();
        qbit.close();
    }

    private static ProxyTarget target(String name, String password) {
        return ProxyTarget.of(name, qbit.url(), ApiCredentials.login(QbittorrentDaemon.USER, password));
    }

    @Test
    void theSeedsQbittorrentExamplesWorkThroughTheProxy() {
        ProxyTarget qb = target("qbittorrent", QbittorrentDaemon.PASSWORD);
        ProxyOutcome.Answered version = (ProxyOutcome.Answered) proxy.forward(qb, ProxyCall.get("/api/v2/app/version"));
        assertEquals(200, version.status());
        assertTrue(version.data().asText().startsWith("v4."), version.toJson().toString());

        byte[] add = ("urls=magnet%3A%3Fxt%3Durn%3Abtih%3A" + HASH + "%26dn%3Dhearth-proxy&paused=true")
                .getBytes(StandardCharsets.US_ASCII);
        ProxyOutcome.Answered added = (ProxyOutcome.Answered) proxy.forward(
                qb, ProxyCall.of("POST", "/api/v2/torrents/add", add, "application/x-www-form-urlencoded"));
        assertEquals("Ok.", added.data().asText());

        // The seed's ?path=/api/torrents&filter=… form: extra parameters forwarded.
        JsonNode listed = Waits.until(
                "the magnet is listed",
                Duration.ofSeconds(10),
                () -> ((ProxyOutcome.Answered) proxy.forward(
                                qb,
                                ProxyCall.get("/api/v2/torrents/info")
                                        .withQuery("hashes", HASH)
                                        .withQuery("filter", "all")))
                        .data(),
                n -> n.size() == 1);
        assertEquals("hearth-proxy", listed.get(0).get("name").asText());
        assertTrue(((ProxyOutcome.Answered) proxy.forward(
                        qb,
                        ProxyCall.of(
                                "POST",
                                "/api/v2/torrents/delete",
                                ("hashes=" + HASH + "&deleteFiles=false").getBytes(StandardCharsets.US_ASCII),
                                "application/x-www-form-urlencoded")))
                .success());
    }

    @Test
    void withTheCatalogsHintsAndAnAllowListOnlyReadsGoThrough() {
        ProxyTarget readOnly = target("qbittorrent-ro", QbittorrentDaemon.PASSWORD)
                .withHints(new AuthHints(AuthStyle.SESSION_COOKIE, "/api/v2/auth/login", null, null, null))
                .withAllowList(AllowList.parse(List.of("GET /api/v2/app/*", "GET /api/v2/torrents/info")));
        assertTrue(((ProxyOutcome.Answered) proxy.forward(readOnly, ProxyCall.get("/api/v2/torrents/info"))).success());
        ProxyOutcome shutdown =
                proxy.forward(readOnly, ProxyCall.of("POST", "/api/v2/app/shutdown", new byte[0], null));
        assertEquals(ProxyRefused.Reason.NOT_ON_ALLOW_LIST, ((ProxyOutcome.Refused) shutdown).reason());
        assertTrue(
                ((ProxyOutcome.Answered) proxy.forward(readOnly, ProxyCall.get("/api/v2/app/version"))).success(),
                "still running");
    }

    @Test
    void aWrongStoredPasswordIsOneServiceUnavailableThatDoesNotShowIt() {
        ProxyOutcome.Failed failed = (ProxyOutcome.Failed)
                proxy.forward(target("qbittorrent-wrong", "Wr0ng-qbit-pass"), ProxyCall.get("/api/v2/app/version"));
        assertEquals(ProxyOutcome.Failed.Reason.AUTH_FAILED, failed.reason());
        assertEquals(503, failed.httpStatus());
        assertTrue(failed.message().contains("refused the credentials ('Fails.')"), failed.message());
        assertFalse(failed.toJson().toString().contains("Wr0ng-qbit-pass"));
    }
}
