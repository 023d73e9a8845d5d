package dev.hearth.backups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The swap survives a crash anywhere: a start after it finishes a prepared plan (roll forward) and throws a staging one
 * away (roll back); a step that cannot be done puts the earlier ones back.
 */
class RestoreJournalTest {
    record World(Path data, RestoreJournal.Plan plan) {}

    /** Three live files (one with no restored copy: it goes), their restored copies staged, the plan written as {@code state}. */
    static World world(Path dir, String state) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path staged = Files.createDirectories(RestoreJournal.dir(data).resolve("staged"));
        Path previous = RestoreJournal.dir(data).resolve("previous");
        List<RestoreJournal.Step> steps = new ArrayList<>();
        for (String name : List.of("hearth.db", "webhook-secret")) {
            Files.writeString(data.resolve(name), "old " + name);
            Files.writeString(staged.resolve(name), "new " + name);
            steps.add(new RestoreJournal.Step(
                    data.resolve(name).toString(),
                    staged.resolve(name).toString(),
                    previous.resolve(name).toString()));
        }
        Files.writeString(data.resolve("hearth.db-wal"), "old wal");
        steps.add(new RestoreJournal.Step(
                data.resolve("hearth.db-wal").toString(),
                null,
                previous.resolve("hearth.db-wal").toString()));
        Path tree = Files.createDirectories(dir.resolve("srv/www"));
        Files.writeString(tree.resolve("index.html"), "old page");
        Path stagedTree = Files.createDirectories(dir.resolve("srv/www.hearth-restore"));
        Files.writeString(stagedTree.resolve("index.html"), "new page");
        steps.add(new RestoreJournal.Step(
                tree.toString(),
                stagedTree.toString(),
                dir.resolve("srv/www.hearth-previous").toString()));
        RestoreJournal.Plan plan = new RestoreJournal.Plan(
                state,
                "b",
                "b_20260206_023000.tar.gz",
                "2026-02-06T02:31:00Z",
                steps,
                null,
                List.of(),
                List.of(stagedTree.toString()));
        RestoreJournal.write(data, plan);
        return new World(data, plan);
    }

    static void assertRestored(Path dir, Path data) throws IOException {
        assertEquals("new hearth.db", Files.readString(data.resolve("hearth.db")));
        assertEquals("new webhook-secret", Files.readString(data.resolve("webhook-secret")));
        assertFalse(Files.exists(data.resolve("hearth.db-wal")), "the old WAL must never meet the restored database");
        assertEquals("new page", Files.readString(dir.resolve("srv/www/index.html")));
        assertFalse(Files.exists(dir.resolve("srv/www.hearth-previous")));
        assertFalse(Files.exists(RestoreJournal.dir(data).resolve("journal.json")));
        assertFalse(Files.exists(RestoreJournal.dir(data).resolve("previous")));
    }

    static void assertUntouched(Path dir, Path data) throws IOException {
        assertEquals("old hearth.db", Files.readString(data.resolve("hearth.db")));
        assertEquals("old webhook-secret", Files.readString(data.resolve("webhook-secret")));
        assertEquals("old wal", Files.readString(data.resolve("hearth.db-wal")));
        assertEquals("old page", Files.readString(dir.resolve("srv/www/index.html")));
    }

    @Test
    void aCrashAfterAnyNumberOfStepsIsFinishedByTheNextStart(@TempDir Path dir) throws IOException {
        for (int crashAfter = 0; crashAfter <= 4; crashAfter++) {
            Path d = Files.createDirectories(dir.resolve("after-" + crashAfter));
            World w = world(d, RestoreJournal.PREPARED);
            for (int i = 0; i < crashAfter; i++)
                RestoreJournal.apply(w.plan().steps().get(i));
            RestoreJournal.Report r = RestoreJournal.complete(w.data(), null).orElseThrow();
            assertEquals("completed", r.outcome(), "crash after " + crashAfter + " steps: " + r.message());
            assertRestored(d, w.data());
        }
    }

    @Test
    void aCrashInsideAStepBetweenItsTwoRenamesIsFinishedToo(@TempDir Path dir) throws IOException {
        World w = world(dir, RestoreJournal.PREPARED);
        RestoreJournal.Step first = w.plan().steps().getFirst();
        Files.createDirectories(Path.of(first.aside()).getParent());
        Files.move(
                Path.of(first.target()),
                Path.of(first.aside())); // the live file went aside; the restored one never came in
        assertEquals(
                "completed",
                RestoreJournal.complete(w.data(), null).orElseThrow().outcome());
        assertRestored(dir, w.data());
    }

    @Test
    void finishingTwiceChangesNothingMore(@TempDir Path dir) throws IOException {
        World w = world(dir, RestoreJournal.PREPARED);
        RestoreJournal.complete(w.data(), null);
        assertTrue(RestoreJournal.complete(w.data(), null).isEmpty(), "no journal, nothing to do");
        assertRestored(dir, w.data());
        assertEquals(
                "completed", RestoreJournal.takeReport(w.data()).orElseThrow().outcome());
        assertTrue(RestoreJournal.takeReport(w.data()).isEmpty(), "the report is taken once");
    }

    @Test
    void aPlanStillBeingStagedIsThrownAwayAndNothingLiveChanges(@TempDir Path dir) throws IOException {
        World w = world(dir, RestoreJournal.STAGING);
        RestoreJournal.Report r = RestoreJournal.complete(w.data(), null).orElseThrow();
        assertEquals("discarded", r.outcome());
        assertUntouched(dir, w.data());
        assertFalse(Files.exists(dir.resolve("srv/www.hearth-restore")), "the staged copies are removed");
        assertFalse(Files.exists(RestoreJournal.dir(w.data()).resolve("staged")));
    }

    @Test
    void aStepThatCannotBeDonePutsTheEarlierOnesBack(@TempDir Path dir) throws IOException {
        World w = world(dir, RestoreJournal.PREPARED);
        Files.writeString(
                dir.resolve("srv/www.hearth-previous"),
                "left by someone"); // the last step cannot put the live tree aside
        RestoreJournal.Report r = RestoreJournal.complete(w.data(), null).orElseThrow();
        assertEquals("failed", r.outcome());
        assertTrue(r.message().contains("put back"), r.message());
        assertUntouched(dir, w.data());
    }
}
