package dev.hearth.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * What every {@link MediaServer} does, against its double: each double renders {@link MediaScenario} in
 * its upstream's shapes, so every server must map it back to the same records.
 */
class MediaServerContractTest {
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
        return RegisteredKinds.offering(MediaServer.class);
    }

    private static MediaServer server(FakeMediaService fake, String kind) {
        return (MediaServer) MediaKinds.connect(http, kind, fake);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void librariesKeepTheirNameKindAndFolders(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            List<Library> libraries = server(fake, kind).libraries();

            assertEquals(MediaScenario.LIBRARIES.size(), libraries.size());
            for (int i = 0; i < libraries.size(); i++) {
                MediaScenario.Lib expected = MediaScenario.LIBRARIES.get(i);
                Library got = libraries.get(i);
                assertEquals(expected.name(), got.name());
                assertEquals(expected.kind(), got.kind());
                assertEquals(List.of(expected.location()), got.locations());
                assertTrue(!got.id().isBlank(), "an id to refresh it by");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sessionsAreWhatPlaysNowWithWhoWhereHowFarAndWhetherItTranscodes(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            List<Stream> streams = server(fake, kind).sessions();

            assertEquals(MediaScenario.PLAYING.size(), streams.size(), "an idle session is no stream: " + streams);
            for (int i = 0; i < streams.size(); i++) {
                MediaScenario.Playing expected = MediaScenario.PLAYING.get(i);
                Stream got = streams.get(i);
                assertEquals(expected.sessionId(), got.sessionId());
                assertEquals(expected.user(), got.user());
                assertEquals(expected.item(), got.item());
                assertEquals(expected.state(), got.state());
                assertTrue(got.player().contains(expected.player()), got.player());
                assertEquals(expected.position(), got.position());
                assertEquals(expected.duration(), got.duration());
                assertEquals(expected.transcoding(), got.transcoding());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void recentlyAddedIsNewestFirstAndKeepsToTheLimit(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            MediaServer server = server(fake, kind);

            List<RecentItem> all = server.recentlyAdded(10);
            List<RecentItem> one = server.recentlyAdded(1);

            assertEquals(
                    MediaScenario.RECENT.stream().map(MediaScenario.Added::item).toList(),
                    all.stream().map(RecentItem::item).toList());
            assertEquals(
                    MediaScenario.RECENT.stream().map(MediaScenario.Added::at).toList(),
                    all.stream().map(RecentItem::addedAt).toList());
            assertEquals(
                    List.of(MediaScenario.RECENT.getFirst().item()),
                    one.stream().map(RecentItem::item).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refreshingALibraryReachesTheServerAndAnUnknownOneIsNotFound(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            MediaServer server = server(fake, kind);
            Library shows = server.libraries().get(1);

            server.refreshLibrary(shows.id());
            MediaNotFoundException e =
                    assertThrows(MediaNotFoundException.class, () -> server.refreshLibrary("999999"));

            assertEquals(List.of("refresh library:" + MediaScenario.SHOWS.name()), fake.received);
            assertTrue(e.getMessage().contains("999999"), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refreshingAPathScansOnlyThatFolderOfItsLibrary(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            MediaServer server = server(fake, kind);

            server.refreshPath(MediaScenario.NEW_EPISODE_FOLDER);

            assertEquals(1, fake.received.size(), fake.received.toString());
            assertTrue(
                    fake.received.getFirst().startsWith("refresh path:" + MediaScenario.NEW_EPISODE_FOLDER),
                    fake.received.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aPathOutsideEveryLibraryIsNotFoundAndNothingIsScanned(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            MediaServer server = server(fake, kind);

            MediaNotFoundException e =
                    assertThrows(MediaNotFoundException.class, () -> server.refreshPath("/media/tvshows/Other"));

            assertTrue(e.getMessage().contains("/media/tv"), "names the folders that are scanned: " + e.getMessage());
            assertEquals(List.of(), fake.received);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refreshingEverythingReachesTheServer(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            server(fake, kind).refreshAll();

            assertEquals(List.of("refresh all"), fake.received);
        }
    }
}
