package dev.hearth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.downloads.AddRequest;
import dev.hearth.downloads.DownloadCapability;
import dev.hearth.downloads.DownloadClient;
import dev.hearth.downloads.DownloadTask;
import dev.hearth.downloads.TaskStatus;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.IntegrationKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every torrent client must do, proved against the real daemon: one subclass per client, one
 * daemon per subclass. The subclass starts the daemon in a {@code @BeforeAll} and says how to reach it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DownloadClientContract {

    protected static final Duration WAIT = Duration.ofSeconds(20);

    /** The kind under test, as registered ({@code qbittorrent}): what it promises comes from the registry. */
    protected abstract String kind();

    /** The client under test, bound to the running daemon. */
    protected abstract DownloadClient client();

    /** The daemon's download directory, where present data is placed and .torrent files are made. */
    protected abstract Path downloads();

    /** Where .torrent files are written (outside the download directory). */
    protected abstract Path scratch();

    /** A client of the same daemon with a wrong password or token. */
    protected abstract DownloadClient clientWithWrongCredentials();

    protected abstract void killDaemon();

    /** Starts the daemon again on the same ports and directories, and waits until it answers. */
    protected abstract void startDaemon();

    /** What the kind's capability says it does. */
    protected boolean has(DownloadCapability.Feature feature) {
        return IntegrationKinds.load()
                .find(kind())
                .orElseThrow()
                .capability(DownloadCapability.class)
                .orElseThrow()
                .has(feature);
    }

    /** Whether the client keeps the category given on add (Transmission 3.00 has no labels, aria2 no categories). */
    protected boolean keepsCategory() {
        return has(DownloadCapability.Feature.CATEGORIES);
    }

    /** Whether a magnet's task id is its btih (aria2 uses its own gid). */
    protected boolean magnetIdIsBtih() {
        return has(DownloadCapability.Feature.HASH_IDS);
    }

    protected String secretOfWrongCredentials() {
        return "not-the-password";
    }

    @Test
    void aTorrentWhoseDataIsPresentFinishesAndIsListedWithItsNameAndSize() {
        TorrentFixture f = TorrentFixture.create(downloads(), scratch(), "present.bin", 300_000);

        String id = client().add(new AddRequest(
                new AddRequest.Source.TorrentFile("present.bin.torrent", f.torrentBytes()),
                keepsCategory() ? "hearth-tests" : null,
                downloads().toString()));

        DownloadTask task = awaitTask(id, t -> t.status().isFinished() && t.progress() == 100);
        assertEquals("present.bin", task.name());
        assertEquals(300_000, task.size());
        assertEquals(DownloadTask.Type.TORRENT, task.type());
        if (keepsCategory()) {
            assertEquals("hearth-tests", task.category());
        }
        assertTrue(
                client().details(id).orElseThrow().files().stream()
                        .anyMatch(file -> file.path().endsWith("present.bin")),
                "details list the file");
    }

    @Test
    void aMagnetWaitsForMetadata() {
        String magnet = TorrentFixture.unknownMagnet("nobody-has-this");

        String id = client().add(new AddRequest(
                new AddRequest.Source.Url(magnet), null, downloads().toString()));

        if (magnetIdIsBtih()) {
            assertEquals(TorrentFixture.btih(magnet), id, "a magnet's id is its btih");
        }
        awaitTask(id, t -> t.status() == TaskStatus.METADATA);
    }

    @Test
    void pausingShowsPausedAndResumingLeavesPaused() {
        String id = client().add(new AddRequest(
                new AddRequest.Source.Url(TorrentFixture.unknownMagnet("pause-me")),
                null,
                downloads().toString()));
        awaitTask(id, t -> t.status() == TaskStatus.METADATA);

        client().pause(id);
        awaitTask(id, t -> t.status() == TaskStatus.PAUSED);

        client().resume(id);
        awaitTask(id, t -> t.status() != TaskStatus.PAUSED);
    }

    @Test
    void removingWithoutDataKeepsTheFileAndWithDataDeletesIt() {
        TorrentFixture kept = TorrentFixture.create(downloads(), scratch(), "kept.bin", 100_000);
        TorrentFixture deleted = TorrentFixture.create(downloads(), scratch(), "deleted.bin", 100_000);
        String keptId = client().add(new AddRequest(
                new AddRequest.Source.TorrentFile("k.torrent", kept.torrentBytes()),
                null,
                downloads().toString()));
        String deletedId = client().add(new AddRequest(
                new AddRequest.Source.TorrentFile("d.torrent", deleted.torrentBytes()),
                null,
                downloads().toString()));
        awaitTask(keptId, t -> t.status().isFinished());
        awaitTask(deletedId, t -> t.status().isFinished());

        client().remove(keptId, false);
        client().remove(deletedId, true);

        Waits.until(
                "both gone from the list",
                WAIT,
                () -> client().list().stream().noneMatch(t -> t.id().equals(keptId) || t.id().equals(deletedId)));
        Waits.until("the data of the removed-with-data one deleted", WAIT, () -> !Files.exists(deleted.data()));
        assertTrue(Files.exists(kept.data()), "removing without data keeps the file");
        assertEquals(Optional.empty(), client().details(keptId));
    }

    @Test
    void aWrongPasswordIsAClearAuthFailed() {
        DownloadClient wrong = clientWithWrongCredentials();

        UpstreamException.AuthFailed e = assertThrows(UpstreamException.AuthFailed.class, wrong::list);

        assertFalse(e.getMessage().contains(secretOfWrongCredentials()), "the secret never shows: " + e.getMessage());
        Health health = wrong.poll().health();
        assertEquals(Health.Status.OFFLINE, health.status());
        assertEquals(Health.Detail.AUTH_ERROR, health.detail(), health.message());
        assertEquals(Health.Status.ONLINE, client().poll().health().status());
    }

    @Test
    void aKilledDaemonFailsWithinTheTimeoutAndTheSameClientRecoversWhenItReturns() {
        client().list();
        killDaemon();
        try {
            long start = System.nanoTime();
            UpstreamException e = assertThrows(UpstreamException.class, () -> client().list());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Targets.TIMEOUT) < 0, "failed after " + took);
            assertTrue(
                    e instanceof UpstreamException.Unreachable || e instanceof UpstreamException.Timeout, e.toString());
            Health health = client().poll().health();
            assertEquals(Health.Detail.COMMUNICATION_ERROR, health.detail(), health.message());
        } finally {
            startDaemon();
        }
        Waits.until("list() working again with the same client", WAIT, () -> client().list() != null);
        assertEquals(Health.Status.ONLINE, client().poll().health().status());
    }

    protected DownloadTask awaitTask(String id, Predicate<DownloadTask> done) {
        return Waits.until(
                "task " + id + " in the expected state",
                WAIT,
                () -> client().list().stream()
                        .filter(t -> t.id().equals(id))
                        .findFirst()
                        .orElseThrow(),
                done);
    }
}
