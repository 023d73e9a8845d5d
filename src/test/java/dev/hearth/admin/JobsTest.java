package dev.hearth.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.storage.Database;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.testing.TestConfig;
import dev.hearth.testing.Waits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background jobs: their statuses, limits and cancel, and what a restart of Hearth finds. */
class JobsTest {
    @TempDir
    Path dataDir;

    Path base = Workspaces.reachable("hearth-admin-jobs-");
    Path workspace = base.resolve("ws");
    final List<RemoteAdmin> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        started.forEach(RemoteAdmin::close);
        Waits.until(
                "no process left in the workspace",
                Duration.ofSeconds(10),
                () -> Workspaces.processesIn(workspace).isEmpty());
        Workspaces.delete(base);
    }

    RemoteAdmin admin(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(
                Map.of("hearth.remote_admin.enabled", "true", "hearth.remote_admin.workspace", workspace.toString()));
        all.putAll(settings);
        ConfigService config = TestConfig.with(dataDir, all);
        RemoteAdmin admin = new RemoteAdmin(config, new Database(config), Clock.systemUTC(), new ObjectMapper());
        started.add(admin);
        return admin;
    }

    Job awaitEnd(RemoteAdmin admin, String id) {
        return Waits.until(
                "job " + id + " ended",
                Duration.ofSeconds(30),
                () -> admin.job(RemoteAdminTest.ADMIN, "rest", id),
                Job::finished);
    }

    @Test
    void aPythonJobRunsInTheBackgroundAndKeepsItsResultAndTimes() {
        RemoteAdmin admin = admin(Map.of());
        Job queued = admin.startJob(
                RemoteAdminTest.ADMIN,
                "rest",
                "python",
                Optional.of("import time\ntime.sleep(0.2)\nprint('Done')"),
                Optional.empty(),
                Optional.empty());
        assertTrue(queued.status().equals("queued") || queued.status().equals("running"), queued.status());
        Job done = awaitEnd(admin, queued.id());
        assertEquals("done", done.status());
        assertEquals("Done\n", done.result());
        assertEquals(0, done.exitCode());
        assertNotNull(done.startedAt());
        assertTrue(!done.finishedAt().isBefore(done.startedAt())
                && !done.startedAt().isBefore(done.createdAt()));

        Job failed = awaitEnd(
                admin,
                admin.startJob(
                                RemoteAdminTest.ADMIN,
                                "rest",
                                "python",
                                Optional.of("raise ValueError('no')"),
                                Optional.empty(),
                                Optional.empty())
                        .id());
        assertEquals("failed", failed.status());
        assertTrue(failed.error().contains("ValueError: no"), failed.error());

        Job shell = awaitEnd(
                admin,
                admin.startJob(
                                RemoteAdminTest.ADMIN,
                                "rest",
                                "shell",
                                Optional.empty(),
                                Optional.of("echo from a job"),
                                Optional.empty())
                        .id());
        assertEquals("done", shell.status());
        assertEquals("from a job\n", shell.result());
    }

    @Test
    void aJobPastItsTimeLimitEndsAsTimeoutAndACancelledOneAsCancelledBothWithNothingLeft() {
        RemoteAdmin admin = admin(Map.of());
        Job slow = admin.startJob(
                RemoteAdminTest.ADMIN, "rest", "shell", Optional.empty(), Optional.of("sleep 60"), Optional.of(1L));
        Job timedOut = awaitEnd(admin, slow.id());
        assertEquals("timeout", timedOut.status());
        assertNull(timedOut.exitCode());

        Job running = admin.startJob(
                RemoteAdminTest.ADMIN,
                "rest",
                "python",
                Optional.of("import time\nwhile True: time.sleep(0.1)"),
                Optional.empty(),
                Optional.empty());
        Waits.until(
                "the job runs",
                Duration.ofSeconds(10),
                () -> admin.job(RemoteAdminTest.ADMIN, "rest", running.id())
                        .status()
                        .equals("running"));
        Job cancelled = admin.cancelJob(RemoteAdminTest.ADMIN, "rest", running.id());
        assertEquals("cancelled", cancelled.status());
        assertEquals(List.of(), Workspaces.processesIn(workspace));
        ApiException again =
                assertThrows(ApiException.class, () -> admin.cancelJob(RemoteAdminTest.ADMIN, "rest", running.id()));
        assertEquals(ErrorCode.CONFLICT, again.code());
    }

    @Test
    void theQueueIsBoundedAndAQueuedJobCanBeCancelledBeforeItStarts() {
        RemoteAdmin admin = admin(Map.of("hearth.remote_admin.job_workers", "1", "hearth.remote_admin.job_queue", "1"));
        Job first = admin.startJob(
                RemoteAdminTest.ADMIN, "rest", "shell", Optional.empty(), Optional.of("sleep 30"), Optional.empty());
        Waits.until(
                "the first job runs",
                Duration.ofSeconds(10),
                () -> admin.job(RemoteAdminTest.ADMIN, "rest", first.id())
                        .status()
                        .equals("running"));
        Job second = admin.startJob(
                RemoteAdminTest.ADMIN, "rest", "shell", Optional.empty(), Optional.of("echo second"), Optional.empty());
        assertEquals("queued", second.status());
        ApiException full = assertThrows(
                ApiException.class,
                () -> admin.startJob(
                        RemoteAdminTest.ADMIN,
                        "rest",
                        "shell",
                        Optional.empty(),
                        Optional.of("echo third"),
                        Optional.empty()));
        assertEquals(ErrorCode.RATE_LIMITED, full.code());
        assertEquals(
                "cancelled",
                admin.cancelJob(RemoteAdminTest.ADMIN, "rest", second.id()).status());
        assertEquals(
                "cancelled",
                admin.cancelJob(RemoteAdminTest.ADMIN, "rest", first.id()).status());
        assertEquals(
                "cancelled",
                admin.job(RemoteAdminTest.ADMIN, "rest", second.id()).status(),
                "a cancelled queued job never starts");
    }

    @Test
    void afterARestartAJobThatWasRunningReadsInterruptedAndItsProcessesAreGone() {
        RemoteAdmin before = admin(Map.of());
        Job job = before.startJob(
                RemoteAdminTest.ADMIN, "rest", "shell", Optional.empty(), Optional.of("sleep 120"), Optional.empty());
        Waits.until(
                "the job runs",
                Duration.ofSeconds(10),
                () -> before.job(RemoteAdminTest.ADMIN, "rest", job.id())
                                .status()
                                .equals("running")
                        && !Workspaces.processesIn(workspace).isEmpty());
        // a crash: the old Hearth never stops its job; a new one starts on the same database
        started.remove(before);
        RemoteAdmin after = admin(Map.of());
        assertEquals(1, after.recoverJobs());
        Job seen = after.job(RemoteAdminTest.ADMIN, "rest", job.id());
        assertEquals("interrupted", seen.status());
        assertNotNull(seen.finishedAt());
        assertTrue(seen.error().contains("Hearth stopped"), seen.error());
        Waits.until(
                "the crashed run's process is killed",
                Duration.ofSeconds(5),
                () -> Workspaces.processesIn(workspace).isEmpty());
        assertEquals(
                "interrupted",
                after.job(RemoteAdminTest.ADMIN, "rest", job.id()).status(),
                "the old run's thread cannot overwrite it");
        assertEquals(0, after.recoverJobs(), "recovered once");
    }
}
