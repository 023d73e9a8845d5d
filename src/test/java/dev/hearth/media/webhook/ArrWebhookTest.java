package dev.hearth.media.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.media.MediaItem;
import dev.hearth.media.webhook.MediaWebhookEvent.Origin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payloads as Sonarr's and Radarr's WebhookBase builds them (camelCase, PascalCase eventType). */
class ArrWebhookTest {
    private final MediaWebhooks webhooks = new MediaWebhooks(new ObjectMapper());

    private MediaWebhookEvent parse(String json) {
        return webhooks.parse(WebhookSource.ARR, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sonarrsTestButtonIsATestFromSonarr() {
        MediaWebhookEvent e = parse("""
                {"eventType":"Test","instanceName":"Sonarr","applicationUrl":"",
                 "series":{"id":1,"title":"Test Title","path":"C:\\\\testpath","tvdbId":1234,"tags":["test-tag"]},
                 "episodes":[{"id":123,"episodeNumber":1,"seasonNumber":1,"title":"Test title"}]}
                """);

        assertEquals(new MediaWebhookEvent.Test(new Origin("sonarr", "Sonarr")), e);
    }

    @Test
    void radarrsTestButtonIsATestFromRadarr() {
        MediaWebhookEvent e = parse("""
                {"eventType":"Test","instanceName":"Radarr 4K","applicationUrl":"",
                 "movie":{"id":1,"title":"Test Title","year":1970,"folderPath":"C:\\\\testpath","releaseDate":"1970-01-01","tags":["test-tag"]},
                 "remoteMovie":{"tmdbId":1234,"imdbId":"5678","title":"Test title","year":1970},
                 "release":{"indexer":"Test Indexer","quality":"Test Quality","qualityVersion":1,"releaseGroup":"Test Group",
                            "releaseTitle":"Test Title","size":9999999}}
                """);

        assertEquals(new MediaWebhookEvent.Test(new Origin("radarr", "Radarr 4K")), e);
    }

    @Test
    void aSonarrGrabNamesTheEpisodesTheReleaseAndTheDownload() {
        MediaWebhookEvent e = parse("""
                {"eventType":"Grab","instanceName":"Sonarr","applicationUrl":"http://sonarr.lan",
                 "series":{"id":3,"title":"The Expanse","titleSlug":"the-expanse","path":"/media/tv/The Expanse","tvdbId":280619,
                           "tvMazeId":1825,"imdbId":"tt3230854","type":"standard","tags":[]},
                 "episodes":[{"id":71,"episodeNumber":6,"seasonNumber":2,"title":"Paradigm Shift","airDate":"2017-03-08",
                              "airDateUtc":"2017-03-09T02:00:00Z"}],
                 "release":{"quality":"Bluray-1080p","qualityVersion":1,"releaseGroup":"GRP",
                            "releaseTitle":"The.Expanse.S02E06.1080p.BluRay.x264-GRP","indexer":"1337x","size":2147483648,
                            "customFormats":[],"customFormatScore":0},
                 "downloadClient":"qBittorrent","downloadClientType":"qBittorrent","downloadId":"ABCDEF0123456789ABCDEF0123456789ABCDEF01"}
                """);

        assertEquals(
                new MediaWebhookEvent.Grabbed(
                        new Origin("sonarr", "Sonarr"),
                        List.of(MediaItem.episode("The Expanse", 2, 6, "Paradigm Shift")),
                        "The.Expanse.S02E06.1080p.BluRay.x264-GRP",
                        "1337x",
                        "Bluray-1080p",
                        2147483648L,
                        "qBittorrent",
                        "ABCDEF0123456789ABCDEF0123456789ABCDEF01"),
                e);
    }

    @Test
    void aRadarrDownloadIsAnImportWithTheFilesPathAndWhetherItUpgraded() {
        MediaWebhookEvent e = parse("""
                {"eventType":"Download","instanceName":"Radarr","applicationUrl":"",
                 "movie":{"id":1,"title":"Inception","year":2010,"releaseDate":"2010-12-07","folderPath":"/media/movies/Inception (2010)",
                          "tmdbId":27205,"imdbId":"tt1375666","tags":[]},
                 "remoteMovie":{"tmdbId":27205,"imdbId":"tt1375666","title":"Inception","year":2010},
                 "movieFile":{"id":9,"relativePath":"Inception (2010).mkv","path":"/media/movies/Inception (2010)/Inception (2010).mkv",
                              "quality":"Bluray-2160p","qualityVersion":1,"releaseGroup":"GRP","sceneName":"Inception.2010.2160p",
                              "indexerFlags":"0","size":60000000000,"dateAdded":"2026-12-03T08:00:00Z"},
                 "isUpgrade":true,"downloadClient":"qBittorrent","downloadClientType":"qBittorrent","downloadId":"0123"}
                """);

        assertEquals(
                new MediaWebhookEvent.Imported(
                        new Origin("radarr", "Radarr"),
                        List.of(MediaItem.movie("Inception", 2010)),
                        "/media/movies/Inception (2010)/Inception (2010).mkv",
                        true,
                        "qBittorrent",
                        "0123"),
                e);
    }

    @Test
    void aSonarrDownloadOfSeveralEpisodesNamesEachOne() {
        MediaWebhookEvent e = parse("""
                {"eventType":"Download","instanceName":"Sonarr",
                 "series":{"id":3,"title":"Severance","path":"/media/tv/Severance","tvdbId":371980},
                 "episodes":[{"id":1,"episodeNumber":1,"seasonNumber":2,"title":"Hello, Ms. Cobel"},
                             {"id":2,"episodeNumber":2,"seasonNumber":2,"title":"Goodbye, Mrs. Selvig"}],
                 "episodeFile":{"id":5,"relativePath":"Season 02/Severance S02E01E02.mkv",
                                "path":"/media/tv/Severance/Season 02/Severance S02E01E02.mkv","quality":"WEBDL-1080p","size":3000000000},
                 "isUpgrade":false,"downloadClient":"qBittorrent","downloadId":"AB"}
                """);

        MediaWebhookEvent.Imported imported = (MediaWebhookEvent.Imported) e;
        assertEquals(
                List.of(
                        MediaItem.episode("Severance", 2, 1, "Hello, Ms. Cobel"),
                        MediaItem.episode("Severance", 2, 2, "Goodbye, Mrs. Selvig")),
                imported.items());
        assertEquals("/media/tv/Severance/Season 02/Severance S02E01E02.mkv", imported.path());
    }

    @Test
    void healthAndItsRecoveryAreOneEventWithTheLevelAndTheWikiLink() {
        MediaWebhookEvent failed = parse("""
                {"eventType":"Health","instanceName":"Sonarr","level":"warning","message":"Indexers unavailable due to failures: 1337x",
                 "type":"IndexerStatusCheck","wikiUrl":"https://wiki.servarr.com/sonarr/system#indexers-are-unavailable-due-to-failures"}
                """);
        MediaWebhookEvent restored = parse("""
                {"eventType":"HealthRestored","instanceName":"Sonarr","level":"warning","message":"Indexers unavailable due to failures: 1337x",
                 "type":"IndexerStatusCheck","wikiUrl":""}
                """);

        assertEquals(
                new MediaWebhookEvent.HealthChanged(
                        new Origin("sonarr", "Sonarr"),
                        false,
                        "warning",
                        "IndexerStatusCheck",
                        "Indexers unavailable due to failures: 1337x",
                        "https://wiki.servarr.com/sonarr/system#indexers-are-unavailable-due-to-failures"),
                failed);
        assertEquals(true, ((MediaWebhookEvent.HealthChanged) restored).restored());
    }

    @Test
    void anEventTypeOfANewerVersionIsKeptByName() {
        assertEquals(
                new MediaWebhookEvent.Unhandled(new Origin("sonarr", "Sonarr"), "ManualInteractionRequired"),
                parse(
                        "{\"eventType\":\"ManualInteractionRequired\",\"instanceName\":\"Sonarr\",\"series\":{\"title\":\"X\"}}"));
    }

    @Test
    void aBodyWithoutEventTypeOrNotJsonIsRefusedWithAReason() {
        InvalidWebhookPayload noType = assertThrows(InvalidWebhookPayload.class, () -> parse("{\"series\":{}}"));
        InvalidWebhookPayload notJson = assertThrows(InvalidWebhookPayload.class, () -> parse("eventType=Grab"));
        assertThrows(InvalidWebhookPayload.class, () -> parse("[1,2]"));

        assertEquals("no eventType: not a Sonarr/Radarr webhook", noType.getMessage());
        assertEquals("the Sonarr/Radarr webhook body is not JSON", notJson.getMessage());
    }
}
