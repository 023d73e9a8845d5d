package dev.hearth.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.fakes.media.FakeMediaService;
import dev.hearth.fakes.media.MediaDoubles;
import dev.hearth.fakes.media.MediaScenario;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.testing.RegisteredKinds;
import dev.hearth.testing.Targets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link IndexerSearch} does, against its double. */
class IndexerSearchContractTest {
    private static HttpStack http;

    @BeforeAll
    static void stack() {
        http = Targets.stack();
    }

    @AfterAll
    static void close() {
        http.close();
    }

    static List<String> kinds() {
        return RegisteredKinds.offering(IndexerSearch.class);
    }

    private static IndexerSearch search(FakeMediaService fake, String kind) {
        return (IndexerSearch) MediaKinds.connect(http, kind, fake);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSearchByTitleInACategoryAnswersSeedersSizeAndALinkMostSeededFirst(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            List<Release> found = search(fake, kind).search(new ReleaseQuery("Inception", ReleaseCategory.MOVIES, 10));

            List<MediaScenario.Found> expected = MediaScenario.RELEASES.stream()
                    .filter(f -> f.title().startsWith("Inception"))
                    .sorted((a, b) -> b.seeders() - a.seeders())
                    .toList();
            assertEquals(
                    expected.stream().map(MediaScenario.Found::title).toList(),
                    found.stream().map(Release::title).toList());
            for (int i = 0; i < found.size(); i++) {
                Release r = found.get(i);
                MediaScenario.Found f = expected.get(i);
                assertEquals(f.size(), r.size());
                assertEquals(f.seeders(), r.seeders());
                assertEquals(f.leechers(), r.leechers());
                assertEquals(MediaScenario.INDEXER, r.indexer());
                assertEquals(List.of(f.category()), r.categories());
                assertEquals(Release.Protocol.TORRENT, r.protocol());
                assertTrue(
                        f.magnet()
                                ? r.link().startsWith("magnet:?xt=urn:btih:")
                                : r.link().startsWith("http"),
                        r.link());
                assertFalse(r.toString().contains("apikey"), "the link's key stays out of logs: " + r);
            }
            assertEquals(1, fake.received.size());
            assertTrue(fake.received.getFirst().endsWith("in [2000]"), "searched the category: " + fake.received);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theCategoryNarrowsTheSearchAndTheLimitHolds(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            IndexerSearch s = search(fake, kind);

            assertEquals(List.of(), s.search(new ReleaseQuery("Inception", ReleaseCategory.TV, 10)));
            assertEquals(
                    1,
                    s.search(new ReleaseQuery("Inception", ReleaseCategory.ANY, 1))
                            .size());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void indexersAreListedWithTheirCategoriesAndTestedById(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            IndexerSearch s = search(fake, kind);

            Indexer first = s.indexers().getFirst();
            IndexerTest test = s.test(first.id());

            assertEquals(MediaScenario.INDEXER, first.name());
            assertTrue(first.enabled());
            assertTrue(
                    first.categories().containsAll(List.of(2000, 5000)),
                    first.categories().toString());
            assertEquals(new IndexerTest(first.id(), true, List.of()), test);
            assertThrows(MediaNotFoundException.class, () -> s.test("999"));
        }
    }
}
