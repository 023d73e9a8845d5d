package dev.hearth.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** What every {@link MediaManager} does, against its double, which renders the scenario for what it manages. */
class MediaManagerContractTest {
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
        return RegisteredKinds.offering(MediaManager.class);
    }

    /** Every *arr app Hearth registers is covered, Lidarr and Readarr included (the list comes from the registry). */
    @org.junit.jupiter.api.Test
    void theRegistryOffersEveryArrAppAsAManager() {
        assertEquals(
                List.of("lidarr", "radarr", "readarr", "sonarr"),
                kinds().stream().sorted().toList());
    }

    private static MediaManager manager(FakeMediaService fake, String kind) {
        return (MediaManager) MediaKinds.connect(http, kind, fake);
    }

    private static MediaScenario.Managed scenario(MediaManager m) {
        return switch (m.manages()) {
            case SERIES -> MediaScenario.SERIES;
            case MOVIES -> MediaScenario.MOVIE;
            case MUSIC -> MediaScenario.MUSIC;
            case BOOKS -> MediaScenario.BOOKS;
        };
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void statusNamesTheAppAndItsVersion(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            ManagerStatus status = manager(fake, kind).status();
            assertEquals(kind, status.appName().toLowerCase());
            assertTrue(status.version().matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), status.version());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void titlesAreWhatTheManagerHas(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            MediaManager m = manager(fake, kind);
            MediaScenario.Title t = scenario(m).existing();

            assertEquals(
                    List.of(new ManagedTitle(
                            t.id(),
                            t.title(),
                            t.year(),
                            t.foreignId(),
                            t.path(),
                            true,
                            t.downloadedPercent(),
                            t.sizeOnDisk())),
                    m.titles());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void lookupFindsNewTitlesAndSaysWhichAreAlreadyManaged(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            MediaManager m = manager(fake, kind);
            MediaScenario.Title candidate = scenario(m).candidate();
            MediaScenario.Title existing = scenario(m).existing();

            List<TitleCandidate> fresh = m.lookup(candidate.title().substring(0, 4));
            List<TitleCandidate> known = m.lookup(existing.title());

            assertEquals(1, fresh.size(), fresh.toString());
            assertEquals(candidate.title(), fresh.getFirst().title());
            assertEquals(candidate.year(), fresh.getFirst().year());
            assertEquals(candidate.foreignId(), fresh.getFirst().foreignId());
            assertEquals(candidate.imdbId(), fresh.getFirst().imdbId());
            assertFalse(fresh.getFirst().alreadyManaged());
            assertNull(fresh.getFirst().managedId());
            assertEquals(existing.id(), known.getFirst().managedId());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void addingTakesTheProfileTheFolderAndSearchNowAndASecondAddIsRefused(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            MediaManager m = manager(fake, kind);
            MediaScenario.Managed s = scenario(m);
            QualityProfile profile = m.qualityProfiles().getFirst();
            RootFolder root = m.rootFolders().getFirst();
            assertEquals(new QualityProfile(MediaScenario.QUALITY_PROFILE_ID, MediaScenario.QUALITY_PROFILE), profile);
            assertEquals(s.rootFolder(), root.path());
            AddTitle add = new AddTitle(s.candidate().foreignId(), profile.id(), root.path(), true, true);

            ManagedTitle added = m.add(add);
            MediaRejectedException again = assertThrows(MediaRejectedException.class, () -> m.add(add));

            assertEquals(s.candidate().title(), added.title());
            assertEquals(s.candidate().foreignId(), added.foreignId());
            assertEquals(s.rootFolder() + "/" + s.candidate().title(), added.path());
            assertTrue(added.id() > 0);
            assertEquals(
                    List.of("add " + s.candidate().foreignId() + " profile " + profile.id() + " in " + root.path()
                            + " searching now"),
                    fake.received);
            assertTrue(again.getMessage().contains("already been added"), again.getMessage());
            assertEquals(2, m.titles().size());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anUnknownFolderIsRefusedWithTheAppsReason(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            MediaManager m = manager(fake, kind);
            AddTitle add = new AddTitle(
                    scenario(m).candidate().foreignId(), MediaScenario.QUALITY_PROFILE_ID, "/nowhere", true, false);

            MediaRejectedException e = assertThrows(MediaRejectedException.class, () -> m.add(add));

            assertTrue(e.getMessage().contains("Root folder does not exist"), e.getMessage());
            assertEquals(List.of(), fake.received);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theQueueShowsProgressEtaAndWhyItIsStuck(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            MediaManager m = manager(fake, kind);

            QueueEntry q = m.queue(10).getFirst();

            assertEquals(scenario(m).queuedRelease(), q.release());
            assertEquals(1, q.titleId());
            assertEquals("downloading", q.state());
            assertEquals(2_000_000_000L, q.size());
            assertEquals(500_000_000L, q.sizeLeft());
            assertEquals(MediaScenario.QUEUE_ETA, q.estimatedCompletion());
            assertEquals(MediaScenario.DOWNLOAD_ID, q.downloadId());
            assertEquals(List.of("Stalled: no connections"), q.messages());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theCalendarShowsWhatIsDueInTheRangeAndNothingOutsideIt(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            MediaManager m = manager(fake, kind);
            MediaScenario.Managed s = scenario(m);

            List<CalendarEntry> week = m.calendar(MediaScenario.CALENDAR_FROM, MediaScenario.CALENDAR_TO);
            List<CalendarEntry> later =
                    m.calendar(MediaScenario.CALENDAR_TO.plusDays(1), MediaScenario.CALENDAR_TO.plusDays(7));

            assertEquals(List.of(new CalendarEntry(s.dueAt(), s.due(), s.dueRelease(), false, true)), week);
            assertEquals(List.of(), later);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void historySaysWhatWasGrabbedWhenAndInWhichQuality(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            MediaManager m = manager(fake, kind);

            assertEquals(
                    List.of(new HistoryEntry(
                            MediaScenario.GRABBED_AT,
                            HistoryEntry.Event.GRABBED,
                            scenario(m).grabbedRelease(),
                            1,
                            scenario(m).grabbedQuality(),
                            MediaScenario.DOWNLOAD_ID)),
                    m.history(10));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void commandsUseTheAppsOwnNamesAndAnUnknownTitleIsNotFound(String kind) throws Exception {
        try (FakeMediaService fake = MediaDoubles.start(kind)) {
            MediaManager m = manager(fake, kind);
            MediaScenario.Managed s = scenario(m);

            CommandStatus search = m.command(new ManagerCommand.Search(1));
            CommandStatus refresh = m.command(new ManagerCommand.Refresh(1));
            CommandStatus scan = m.command(new ManagerCommand.ScanDownloads("/downloads/complete/x"));
            assertThrows(MediaNotFoundException.class, () -> m.command(new ManagerCommand.Search(99)));

            assertEquals(s.searchCommand(), search.name());
            assertEquals("queued", search.status());
            assertEquals(s.refreshCommand(), refresh.name());
            assertTrue(scan.name().startsWith("Downloaded"), scan.name());
            assertEquals(
                    List.of(
                            "command " + s.searchCommand() + " 1",
                            "command " + s.refreshCommand() + " 1",
                            "command " + scan.name() + " /downloads/complete/x"),
                    fake.received);
        }
    }
}
