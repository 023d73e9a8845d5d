package dev.hearth.media.prowlarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.media.FakeProwlarr;
import dev.hearth.media.IndexerIssue;
import dev.hearth.media.IndexerSearch;
import dev.hearth.media.IndexerTest;
import dev.hearth.media.Release;
import dev.hearth.media.ReleaseCategory;
import dev.hearth.media.ReleaseQuery;
import dev.hearth.media.clients.MediaSpecs;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.testing.Targets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProwlarrSearchTest {

    private static IndexerSearch prowlarr(HttpStack http, FakeProwlarr fake) {
        return (IndexerSearch)
                Targets.create(http, "prowlarr", "prowlarr", URI.create(fake.baseUrl()), fake.credentials());
    }

    @Test
    void issuesAreTheWarningsAndErrorsNotTheNotices() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeProwlarr fake = new FakeProwlarr()) {
            assertEquals(
                    List.of(new IndexerIssue(
                            "warning", "IndexerStatusCheck", "Indexers unavailable due to failures: NZBgeek")),
                    prowlarr(http, fake).issues());
        }
    }

    @Test
    void aFailingIndexerTestSaysWhy() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeProwlarr fake = new FakeProwlarr()) {
            IndexerTest test = prowlarr(http, fake).test("2");

            assertFalse(test.ok());
            assertTrue(
                    test.failures().getFirst().startsWith("Unable to connect to indexer"),
                    test.failures().toString());
            assertEquals(List.of("test 2"), fake.received);
        }
    }

    @Test
    void aUsenetIndexerIsListedAsSuchAndADisabledOneAsDisabled() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeProwlarr fake = new FakeProwlarr()) {
            var nzb = prowlarr(http, fake).indexers().get(1);

            assertEquals(Release.Protocol.USENET, nzb.protocol());
            assertFalse(nzb.enabled());
        }
    }

    @Test
    void aTorrentFileLinkIsProwlarrsOwnWithItsKeyWhichNoStringShows() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeProwlarr fake = new FakeProwlarr()) {
            Release fileLink =
                    prowlarr(http, fake).search(new ReleaseQuery("Inception", ReleaseCategory.MOVIES, 5)).stream()
                            .filter(r -> !r.link().startsWith("magnet:"))
                            .findFirst()
                            .orElseThrow();

            assertTrue(
                    fileLink.link().startsWith(fake.url() + "/1/download?apikey="),
                    "the download client needs the whole link");
            assertFalse(fileLink.toString().contains(fake.credentials().get("api_key")), fileLink.toString());
            assertEquals(
                    "https://1337x.example/torrent/" + Math.abs(fileLink.title().hashCode()), fileLink.infoUrl());
        }
    }

    @Test
    void aSearchThatRunsOutOfTimeIsNotRepeated() throws Exception {
        try (HttpStack http = Targets.stack();
                FakeProwlarr fake = new FakeProwlarr()) {
            fake.slowSearch(Duration.ofSeconds(2));
            String key = fake.credentials().get("api_key");
            IntegrationTarget<ProwlarrSettings> target = new IntegrationTarget<>(
                    "prowlarr", URI.create(fake.baseUrl()), new ProwlarrSettings(key), Duration.ofMillis(300));
            IndexerSearch prowlarr = new ProwlarrSearch(
                    "prowlarr",
                    new ProwlarrApi(
                            http.client(MediaSpecs.of(target, AuthStrategy.apiKeyHeader("X-Api-Key", key))),
                            Duration.ofMillis(600)),
                    Clock.systemUTC());

            assertThrows(
                    UpstreamException.Timeout.class,
                    () -> prowlarr.search(new ReleaseQuery("Inception", ReleaseCategory.MOVIES, 5)));

            assertEquals(
                    1,
                    fake.requests.stream()
                            .filter(r -> r.path().equals("/api/v1/search"))
                            .count());
        }
    }
}
