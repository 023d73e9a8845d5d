package dev.hearth.admin;

import dev.hearth.platform.storage.Database;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asynchronous jobs: Python code (in a fresh interpreter of the workspace's environment, not the console's
 * worker, so a long job never holds the console up) or a command, {@code job_workers} at a time and
 * {@code job_queue} waiting. Every change of status is a conditional update in the database, so a job a stop
 * or crash cut short reads {@code interrupted} — never {@code running} forever — and a late update from a
 * thread of the old run cannot overwrite that.
 */
final class Jobs implements AutoCloseable {
    private static final String COLUMNS =
            "id, kind, input, status, actor, result, error, exit_code, truncated, timeout_ms, created_at, started_at, finished_at";

    /** What a job runs: Python code, or an argument vector. */
    sealed interface Work permits Work.Python, Work.Command {
        record Python(String code) implements Work {}

        record Command(List<String> argv) implements Work {}
    }

    private final Sandbox sandbox;
    private final PythonWorker python;
    private final Database db;
    private final Clock clock;
    private final Semaphore workers;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, RunningCommand> running = new ConcurrentHashMap<>();
    /** Cancels asked for while a job was between "running" and its process (making the environment, starting). */
    private final java.util.Set<String> cancelRequested = ConcurrentHashMap.newKeySet();

    private final long startedAt;

    Jobs(Sandbox sandbox, PythonWorker python, Database db, Clock clock) {
        this.sandbox = sandbox;
        this.python = python;
        this.db = db;
        this.clock = clock;
        this.workers = new Semaphore(sandbox.config().jobWorkers(), true);
        this.startedAt = clock.millis();
    }

    /**
     * Marks what an earlier run of Hearth left queued or running as interrupted, and kills the processes a crash
     * left behind (by pid, only when the process there is still the one that started: same start time).
     */
    int recover() {
        List<long[]> left = db.query(
                "SELECT pid, pid_start FROM admin_jobs WHERE status IN ('queued', 'running') AND created_at < ? AND pid IS NOT NULL",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                startedAt);
        // Marked before the kill: a run still watching its process (Hearth's JVM alive after all) would otherwise
        // record the kill as its own ending first, and the job would not read interrupted.
        int marked = db.update(
                "UPDATE admin_jobs SET status = 'interrupted', finished_at = ?, error = ? WHERE status IN ('queued', 'running') AND created_at < ?",
                clock.millis(),
                "Hearth stopped while this job was queued or running",
                startedAt);
        for (long[] p : left) {
            ProcessTree.stat(p[0])
                    .filter(s -> s.startTicks() == p[1] && s.alive())
                    .ifPresent(s -> Sandbox.killSession(s.pid()));
        }
        return marked;
    }

    Job submit(String kind, Work work, String input, Duration timeout, String actor) {
        if (workers.availablePermits() == 0 && waiting.get() >= sandbox.config().jobQueue()) {
            throw new ApiException(
                    ErrorCode.RATE_LIMITED,
                    "Too many jobs are waiting (remote_admin.job_queue is "
                            + sandbox.config().jobQueue() + "): wait for some to finish, or cancel some",
                    Map.of("queued", waiting.get(), "limit", sandbox.config().jobQueue()));
        }
        waiting.incrementAndGet();
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            db.update(
                    "INSERT INTO admin_jobs (" + COLUMNS
                            + ", pid, pid_start) VALUES (?, ?, ?, 'queued', ?, '', '', NULL, 0, ?, ?, NULL, NULL, NULL, NULL)",
                    id,
                    kind,
                    History.cap(input),
                    actor,
                    timeout.toMillis(),
                    clock.millis());
        } catch (RuntimeException e) {
            waiting.decrementAndGet();
            throw e;
        }
        Thread.ofVirtual().name("admin-job-" + id).start(() -> run(id, work, timeout));
        return get(id).orElseThrow();
    }

    private void run(String id, Work work, Duration timeout) {
        boolean acquired = false;
        try {
            workers.acquire();
            acquired = true;
            waiting.decrementAndGet();
            if (db.update(
                            "UPDATE admin_jobs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'",
                            clock.millis(),
                            id)
                    == 0) {
                return; // cancelled or interrupted while it waited
            }
            RunningCommand command = start(work);
            running.put(id, command);
            if (cancelRequested.contains(id)) command.cancel();
            long ticks = ProcessTree.stat(command.pid())
                    .map(ProcessTree.Stat::startTicks)
                    .orElse(0L);
            db.update("UPDATE admin_jobs SET pid = ?, pid_start = ? WHERE id = ?", command.pid(), ticks, id);
            CommandResult r = command.await(timeout);
            String status = r.cancelled() ? "cancelled" : r.timedOut() ? "timeout" : r.code() == 0 ? "done" : "failed";
            String error = r.timedOut()
                    ? appendLine(
                            r.stderr(),
                            "Timed out after " + timeout.toSeconds() + " s: killed with everything it started")
                    : r.cancelled()
                            ? appendLine(r.stderr(), "Cancelled: killed with everything it started")
                            : r.stderr();
            db.update(
                    "UPDATE admin_jobs SET status = ?, result = ?, error = ?, exit_code = ?, truncated = ?, finished_at = ? WHERE id = ? AND status = 'running'",
                    status,
                    r.stdout(),
                    error,
                    r.timedOut() || r.cancelled() ? null : r.code(),
                    r.truncated() ? 1 : 0,
                    clock.millis(),
                    id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            db.update(
                    "UPDATE admin_jobs SET status = 'failed', error = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'running')",
                    String.valueOf(e.getMessage()),
                    clock.millis(),
                    id);
        } finally {
            running.remove(id);
            cancelRequested.remove(id);
            if (acquired) workers.release();
            else waiting.decrementAndGet();
        }
    }

    private RunningCommand start(Work work) {
        Path ws = sandbox.prepareWorkspace();
        return switch (work) {
            case Work.Python p -> {
                python.ensureVenv(Duration.ofSeconds(30));
                yield RunningCommand.start(
                        sandbox,
                        List.of(python.venvPython().toString(), "-I", "-u", "-"),
                        ws,
                        Optional.of(python.venv().resolve("bin")),
                        Optional.of(p.code()));
            }
            case Work.Command c -> RunningCommand.start(sandbox, c.argv(), ws, Optional.empty(), Optional.empty());
        };
    }

    Optional<Job> get(String id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM admin_jobs WHERE id = ?", Jobs::job, id);
    }

    List<Job> list(int limit, int offset) {
        return db.query(
                "SELECT " + COLUMNS + " FROM admin_jobs ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                Jobs::job,
                limit,
                offset);
    }

    long count() {
        return db.count("SELECT COUNT(*) FROM admin_jobs");
    }

    long active() {
        return db.count("SELECT COUNT(*) FROM admin_jobs WHERE status IN ('queued', 'running')");
    }

    /** Cancels a queued or running job; a finished one is answered as it is (409). */
    Job cancel(String id) {
        Job job = get(id).orElseThrow(() ->
                new ApiException(ErrorCode.NOT_FOUND, "Job '" + id + "' not found", Map.of("job_id", id)));
        if (job.finished()) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Job '" + id + "' has already ended (" + job.status() + ")",
                    Map.of("status", job.status()));
        }
        if (db.update(
                        "UPDATE admin_jobs SET status = 'cancelled', error = ?, finished_at = ? WHERE id = ? AND status = 'queued'",
                        "Cancelled before it started",
                        clock.millis(),
                        id)
                == 0) {
            cancelRequested.add(id);
            RunningCommand command = running.get(id);
            if (command != null) command.cancel();
        }
        return awaitEnd(id, Duration.ofSeconds(10));
    }

    private Job awaitEnd(String id, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        Job job = get(id).orElseThrow();
        while (!job.finished() && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            job = get(id).orElseThrow();
        }
        return job;
    }

    /** At Hearth's stop: what is queued or running is marked interrupted, and running processes are killed. */
    @Override
    public void close() {
        db.update(
                "UPDATE admin_jobs SET status = 'interrupted', finished_at = ?, error = ? WHERE status IN ('queued', 'running')",
                clock.millis(),
                "Hearth stopped while this job was queued or running");
        running.values().forEach(RunningCommand::cancel);
    }

    private static String appendLine(String text, String line) {
        return text.isEmpty() || text.endsWith("\n") ? text + line : text + "\n" + line;
    }

    private static Job job(ResultSet rs) throws SQLException {
        int code = rs.getInt(8);
        Integer exit = rs.wasNull() ? null : code;
        long started = rs.getLong(12);
        Instant startedAt = rs.wasNull() ? null : Instant.ofEpochMilli(started);
        long finished = rs.getLong(13);
        Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
        return new Job(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                exit,
                rs.getInt(9) != 0,
                rs.getLong(10),
                Instant.ofEpochMilli(rs.getLong(11)),
                startedAt,
                finishedAt);
    }
}
