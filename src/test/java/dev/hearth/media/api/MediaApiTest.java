package dev.hearth.media.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.media.MediaScenario;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.platform.storage.Database;
import dev.hearth.testing.Api;
import dev.hearth.testing.Waits;
import dev.hearth.web.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * /api/v1/media and the dashboard's Media page against the Plex, Radarr, Overseerr and Torznab doubles: the
 * overview, a download by title through the catalog (roles, the error shape), a library refresh, a search that
 * keeps the indexers' keys to itself, and in headless Chromium the page's sections, a request approved and a
 * title downloaded from the form.
 */
@QuarkusTest
@TestProfile(MediaBackendsProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class MediaApiTest {
    private static final String PASSWORD = "correct horse battery";

    @TestHTTPResource("/")
    URI base;

    @Inject
    UserService users;

    @Inject
    Database db;

    Browser browser;
    String operator;
    String viewer;

    @BeforeAll
    void start() {
        Api.reset();
        operator = "media-op-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(operator, PASSWORD, Role.OPERATOR);
        viewer = "media-viewer-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(viewer, PASSWORD, Role.VIEWER);
        browser = new Browser(base);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
    }

    /** First: the page test approves the double's one pending request. */
    @Test
    @org.junit.jupiter.api.Order(1)
    void theOverviewShowsWhatIsPlayingTheRequestsTheQueueAndTheCalendar() {
        Api.as("viewer")
                .get("/api/v1/media")
                .then()
                .statusCode(200)
                .body("now_playing.item.item.title", hasItem("Inception"))
                .body("now_playing.service", hasItem("plex"))
                .body("recently_added.item.item.title", hasItem("Dune: Part Two"))
                .body("requests.service", hasItem("overseerr"))
                .body("queue.item.release", hasItem(MediaScenario.MOVIE.queuedRelease()))
                .body(
                        "calendar.item.item.title",
                        hasItem(MediaScenario.MOVIE.due().title()))
                .body("queue.item.release", hasItem(MediaScenario.MUSIC.queuedRelease()))
                .body(
                        "calendar.item.item.title",
                        hasItem(MediaScenario.MUSIC.due().title()))
                .body("calendar.item.item.series_title", hasItem("Radiohead"))
                .body("problems", equalTo(List.of()));
    }

    /** The requests list answers the one paging envelope: the window asked for, how many in all, whether more follow. */
    @Test
    void theRequestsListIsOnePageOfTheOneEnvelope() {
        int total = Api.as("viewer")
                .get("/api/v1/media/requests/overseerr?status=all&limit=1&offset=0")
                .then()
                .statusCode(200)
                .body("service", equalTo("overseerr"))
                .body("requests.size()", equalTo(1))
                .body("limit", equalTo(1))
                .body("offset", equalTo(0))
                .body("has_more", equalTo(true))
                .extract()
                .path("total");
        assertTrue(total >= 2, "the double holds at least two requests: " + total);
        Api.as("viewer")
                .get("/api/v1/media/requests/overseerr?status=all&limit=1&offset=" + (total - 1))
                .then()
                .statusCode(200)
                .body("requests.size()", equalTo(1))
                .body("total", equalTo(total))
                .body("offset", equalTo(total - 1))
                .body("has_more", equalTo(false));
        Api.as("viewer")
                .get("/api/v1/media/requests/overseerr?limit=0")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"));
    }

    /**
     * Music goes to Lidarr by artist (its first profiles and root folder, search now); a year does not apply to
     * an artist; a book with no Readarr configured names Readarr instead of searching indexers by title.
     */
    @Test
    void musicGoesToLidarrByArtistAndABookWithoutReadarrSaysWhatToAdd() {
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Massive Attack", "kind", "music"))
                .post("/api/v1/media/download")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("added"))
                .body("via", equalTo("lidarr"))
                .body("kind", equalTo("music"))
                .body("title", equalTo("Massive Attack"));
        assertEquals(
                List.of("add " + MediaScenario.MUSIC.candidate().foreignId() + " profile "
                        + MediaScenario.QUALITY_PROFILE_ID + " in " + MediaScenario.MUSIC.rootFolder()
                        + " searching now"),
                MediaBackendsProfile.received("lidarr"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Radiohead", "kind", "music", "year", 1997))
                .post("/api/v1/media/download")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"))
                .body("error.message", containsString("artist or author"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Octavia E. Butler", "kind", "book"))
                .post("/api/v1/media/download")
                .then()
                .statusCode(503)
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"))
                .body("error.message", containsString("Readarr"))
                .body("error.details.documentation", equalTo("docs/integrations/readarr.md"));
    }

    @Test
    void aDownloadByTitleGoesThroughTheCatalogWithTheRolesAndTheErrorShape() {
        Map<String, Object> dune = Map.of("title", "Dune: Part Two", "kind", "movie");
        Api.as("viewer")
                .contentType(ContentType.JSON)
                .body(dune)
                .post("/api/v1/media/download")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Dune", "kind", "comic"))
                .post("/api/v1/media/download")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(dune)
                .post("/api/v1/media/download")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("added"))
                .body("via", equalTo("radarr"))
                .body("reason", containsString(MediaScenario.QUALITY_PROFILE));
        assertTrue(
                MediaBackendsProfile.received("radarr").stream().anyMatch(r -> r.endsWith("searching now")),
                "Radarr added it and searches now: " + MediaBackendsProfile.received("radarr"));
    }

    @Test
    void theOfflineAssistantsDownloadReachesMediaDownload() {
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("user_id", "media-chat", "message", "download the movie Inception (2010)"))
                .post("/api/v1/command")
                .then()
                .statusCode(200)
                .body("status", equalTo("success"))
                .body("action", equalTo("media.download"))
                .body("details.outcome", equalTo("already_managed"));
    }

    @Test
    void radarrsImportWebhookSaysReadyToWatchWithItsOwnSecretOnly() {
        String imported = """
                {"eventType":"Download","instanceName":"Radarr",
                 "movie":{"id":1,"title":"Inception","year":2010,"folderPath":"/media/movies/Inception (2010)","tmdbId":27205},
                 "movieFile":{"id":1,"relativePath":"Inception (2010).mkv","path":"/media/movies/Inception (2010)/Inception (2010).mkv",
                              "quality":"Bluray-1080p","size":8000000000},
                 "isUpgrade":false,"downloadClient":"qBittorrent","downloadId":"ABCDEF"}
                """;
        Api.anonymous()
                .contentType(ContentType.JSON)
                .body(imported)
                .post("/api/v1/webhooks/media/radarr?secret=wrong-secret-0123456789")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        Api.anonymous()
                .contentType(ContentType.JSON)
                .header("X-Hearth-Webhook-Secret", MediaBackendsProfile.ARR_SECRET)
                .body(imported)
                .post("/api/v1/webhooks/media/overseerr")
                .then()
                .statusCode(401); // the *arr secret is not Overseerr's (which is not set: nothing is taken)
        Api.anonymous()
                .contentType(ContentType.JSON)
                .header("X-Hearth-Webhook-Secret", MediaBackendsProfile.ARR_SECRET)
                .body(imported)
                .post("/api/v1/webhooks/media/radarr")
                .then()
                .statusCode(200)
                .body("event", equalTo("Imported"))
                .body("published", equalTo(true))
                .body("notified", equalTo("Ready to watch: Inception (2010)"));
        // The typed event on the bus: its listeners put it on the Media page and announce it.
        Waits.until(
                "the import on the Media page",
                Duration.ofSeconds(15),
                () -> Api.as("viewer")
                        .get("/api/v1/media")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("recently_imported.title", String.class),
                titles -> titles.contains("Inception (2010)"));
        Waits.until(
                "the ready-to-watch notification",
                Duration.ofSeconds(15),
                () -> mediaNotifications().contains("Ready to watch: Inception (2010)"));
        int before = mediaNotifications().size();
        Api.anonymous() // Radarr sends it again (a retry): one card row, one notification
                .contentType(ContentType.JSON)
                .header("X-Hearth-Webhook-Secret", MediaBackendsProfile.ARR_SECRET)
                .body(imported)
                .post("/api/v1/webhooks/media/radarr")
                .then()
                .statusCode(200);
        Waits.until("the repeat delivered", Duration.ofSeconds(15), () -> pendingEvents() == 0);
        assertEquals(before, mediaNotifications().size(), "a repeated import is not announced twice");
        assertEquals(
                1,
                Api.as("viewer")
                        .get("/api/v1/media")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("recently_imported.title", String.class)
                        .stream()
                        .filter("Inception (2010)"::equals)
                        .count());
        Api.anonymous()
                .contentType(ContentType.JSON)
                .header("X-Hearth-Webhook-Secret", MediaBackendsProfile.ARR_SECRET)
                .body("this is not JSON")
                .post("/api/v1/webhooks/media/radarr")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void sonarrsHealthWarningRaisesAnAlertThatItsRecoveryResolves() {
        String health = """
                {"eventType":"%s","instanceName":"Sonarr","level":"warning","message":"Indexers unavailable due to failures: 1337x",
                 "type":"IndexerStatusCheck","wikiUrl":"https://wiki.servarr.com/sonarr/system#indexers-are-unavailable-due-to-failures"}
                """;
        String key = "media-health:sonarr:Sonarr:IndexerStatusCheck";
        Api.anonymous()
                .contentType(ContentType.JSON)
                .header("X-Hearth-Webhook-Secret", MediaBackendsProfile.ARR_SECRET)
                .body(health.formatted("Health"))
                .post("/api/v1/webhooks/media/sonarr")
                .then()
                .statusCode(200)
                .body("event", equalTo("HealthChanged"))
                .body("alert", equalTo(key));
        Map<String, Object> alert =
                Waits.until("the health alert", Duration.ofSeconds(15), () -> openAlert(key), a -> a != null);
        assertEquals("warning", alert.get("level"));
        assertEquals("media", alert.get("source"));
        assertTrue(String.valueOf(alert.get("message")).contains("Indexers unavailable"), alert.toString());

        Api.anonymous()
                .contentType(ContentType.JSON)
                .header("X-Hearth-Webhook-Secret", MediaBackendsProfile.ARR_SECRET)
                .body(health.formatted("HealthRestored"))
                .post("/api/v1/webhooks/media/sonarr")
                .then()
                .statusCode(200)
                .body("alert", equalTo(key));
        Waits.until("the alert resolved", Duration.ofSeconds(15), () -> openAlert(key) == null);
    }

    private @org.jspecify.annotations.Nullable Map<String, Object> openAlert(String key) {
        List<Map<String, Object>> alerts = Api.as("viewer")
                .get("/api/v1/alerts?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("alerts");
        return alerts.stream()
                .filter(a -> key.equals(a.get("key")) && !"resolved".equals(a.get("state")))
                .findFirst()
                .orElse(null);
    }

    private List<String> mediaNotifications() {
        return db.query("SELECT title FROM notifications WHERE source = 'media' ORDER BY id", rs -> rs.getString(1));
    }

    private long pendingEvents() {
        return db.count(
                "SELECT COUNT(*) FROM event_outbox WHERE delivered_at IS NULL AND type LIKE ?",
                dev.hearth.media.webhook.MediaWebhookEvent.class.getName() + "%");
    }

    @Test
    void anOperatorRefreshesALibraryByName() {
        Api.as("operator")
                .post("/api/v1/media/servers/plex/libraries/Movies/refresh")
                .then()
                .statusCode(200)
                .body("library", equalTo("Movies"));
        assertTrue(MediaBackendsProfile.received("plex").contains("refresh library:Movies"));
        Api.as("operator")
                .post("/api/v1/media/servers/nowhere/libraries/Movies/refresh")
                .then()
                .statusCode(404)
                .body("error.details.known", hasItem("plex"));
        Api.as("viewer")
                .get("/api/v1/media/servers/plex/libraries")
                .then()
                .statusCode(200)
                .body("libraries.name", hasItem("TV Shows"));
    }

    @Test
    void aSearchShowsReleasesButNotTheIndexersKeys() {
        String body = Api.as("viewer")
                .get("/api/v1/media/search?title=Inception&kind=movie")
                .then()
                .statusCode(200)
                .body("releases.title", hasItem("Inception.2010.1080p.BluRay.x264"))
                .extract()
                .asString();
        assertFalse(body.contains("apikey"), body);
        assertFalse(body.contains("magnet:"), body);
    }

    @Test
    void theMediaPageShowsItsSectionsAndApprovesARequest() {
        Api.anonymous()
                .contentType(ContentType.JSON)
                .header("X-Hearth-Webhook-Secret", MediaBackendsProfile.ARR_SECRET)
                .body("""
                        {"eventType":"Download","instanceName":"Sonarr",
                         "series":{"id":3,"title":"Severance","path":"/media/tv/Severance","tvdbId":371980},
                         "episodes":[{"id":1,"episodeNumber":1,"seasonNumber":2,"title":"Hello, Ms. Cobel"}],
                         "episodeFile":{"id":5,"path":"/media/tv/Severance/Season 02/Severance S02E01.mkv"},
                         "isUpgrade":false,"downloadClient":"qBittorrent","downloadId":"SEV1"}
                        """)
                .post("/api/v1/webhooks/media/sonarr")
                .then()
                .statusCode(200);
        Waits.until("the import stored", Duration.ofSeconds(15), () -> pendingEvents() == 0);
        browser.signOutByCookies();
        browser.login(operator, PASSWORD);
        browser.page("media");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> browser.find("#now-playing").getText().contains("Inception"));
        assertTrue(browser.find("#recently-added").getText().contains("Dune: Part Two"));
        assertTrue(browser.find("#media-queue").getText().contains(MediaScenario.MOVIE.queuedRelease()));
        assertTrue(browser.find("#media-calendar")
                .getText()
                .contains(MediaScenario.MOVIE.due().title()));
        assertTrue(
                browser.find("#media-calendar").getText().contains("Radiohead – In Rainbows (Live) (2026)"),
                "Lidarr's album under its artist, not as an episode: "
                        + browser.find("#media-calendar").getText());
        assertTrue(browser.find("#media-queue").getText().contains(MediaScenario.MUSIC.queuedRelease()));
        assertTrue(
                browser.find("#recently-imported").getText().contains("Severance S02E01"),
                browser.find("#recently-imported").getText());
        browser.screenshot("media-page");

        browser.click("#media-requests [data-request='1'] [data-action='approve']");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> MediaBackendsProfile.received("overseerr").contains("approve 1"));
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> browser.all("#media-requests [data-request='1']").isEmpty());
        browser.assertNoConsoleErrors();
    }

    @Test
    void theFormDownloadsATitleAndAViewerCannot() {
        browser.signOutByCookies();
        browser.login(viewer, PASSWORD);
        browser.page("media");
        assertFalse(browser.find("#media-download").isEnabled(), "a viewer's Download button is disabled");

        browser.signOutByCookies();
        browser.login(operator, PASSWORD);
        browser.page("media");
        browser.find("#media-title").sendKeys("Inception");
        browser.find("#media-year").sendKeys("2010");
        browser.click("#media-download");
        browser.waitFor(
                Duration.ofSeconds(10),
                d -> "already_managed"
                        .equals(browser.find("#media-result [data-outcome]").getDomAttribute("data-outcome")));
        assertTrue(
                browser.find("#media-result").getText().contains("already has"),
                browser.find("#media-result").getText());
        browser.assertNoConsoleErrors();
    }

    /** Search lists every release (title, size, seeders, indexer), each with its own Download through the catalog. */
    @Test
    void aSearchListsTheReleasesEachWithItsOwnDownload() {
        browser.signOutByCookies();
        browser.login(operator, PASSWORD);
        browser.page("media");
        browser.find("#media-title").sendKeys("Inception");
        browser.click("#media-search");
        browser.waitFor(
                Duration.ofSeconds(15),
                d -> !browser.all("#media-releases tr[data-release='Inception.2010.1080p.BluRay.x264']")
                        .isEmpty());
        String row = browser.find("#media-releases tr[data-release='Inception.2010.1080p.BluRay.x264']")
                .getText();
        assertTrue(row.contains(MediaScenario.INDEXER), "the row names the indexer: " + row);
        assertTrue(row.matches("(?s).*\\d+(\\.\\d)? (MB|GB).*"), "the row gives the size: " + row);
        assertTrue(browser.all("#media-releases tbody tr").size() > 1, "more than the one the rules would pick");
        assertFalse(browser.find("#media-releases").getText().contains("apikey"));
        browser.assertNoConsoleErrors();

        long searchesBefore = indexerSearches("Inception");
        browser.click("#media-releases tr[data-release='Inception.2010.1080p.BluRay.x264'] button");
        // Hearth asks the indexers again for the picked release (the links never reach the page); with no
        // download client configured here, the page then says so.
        browser.waitFor(Duration.ofSeconds(15), d -> indexerSearches("Inception") > searchesBefore);
        browser.waitFor(
                Duration.ofSeconds(15),
                d -> browser.find("#toasts")
                        .getText()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("download client"));
        browser.expectConsoleError("/api/v1/media/download/release");
        browser.assertNoConsoleErrors();
    }

    private static long indexerSearches(String term) {
        return java.util.stream.Stream.of("jackett", "prowlarr")
                .flatMap(d -> MediaBackendsProfile.received(d).stream())
                .filter(r -> r.startsWith("search " + term))
                .count();
    }
}
