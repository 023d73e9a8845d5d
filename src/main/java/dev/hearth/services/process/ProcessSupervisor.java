package dev.hearth.services.process;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.ChildEnvironment;
import dev.hearth.services.Loggable;
import dev.hearth.services.Measurable;
import dev.hearth.services.ResourceUsage;
import dev.hearth.services.RunState;
import dev.hearth.services.RuntimeStatus;
import dev.hearth.services.ServiceEntry;
import dev.hearth.services.ServiceLogLine;
import dev.hearth.services.ServiceRuntime;
import dev.hearth.services.ServiceStateChanged;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * One native program under Hearth's care. Start spawns it with its output going straight to files (see
 * {@link OutputSpool}) and records what was started ({@link RunRecord}); an exit Hearth did not ask for is
 * published with its exit code and, by the restart policy, followed by a restart after an exponentially
 * growing wait, until {@code crash_loop_limit} crashes within {@code crash_loop_window} leave it
 * {@code failed}. Stop sends the stop signal, then SIGKILL after the stop timeout, and kills any child the
 * program left behind.
 *
 * <p>A Hearth that died without stopping its programs (killed, out of memory) finds their records at its
 * next start ({@link #recover()}): the very process it started (same pid, same kernel start time, same boot)
 * and started the same way is adopted and watched through /proc, since it is no longer Hearth's child; one
 * started under a configuration changed since is stopped first. Never is a second copy started beside it.
 */
public final class ProcessSupervisor implements ServiceRuntime, Loggable, Measurable {
    private static final Logger LOG = Logger.getLogger(ProcessSupervisor.class);
    /** The spool files are emptied once read past this; the rotating log is what is kept. */
    private static final long SPOOL_RECYCLE_AT = 1024 * 1024;
    /** How often an adopted program (not Hearth's child: no exit notice) is looked for in /proc. */
    private static final Duration ADOPTED_POLL = Duration.ofMillis(250);

    /** A run: the process, its Process when Hearth is its parent (for the exit code), and who it is in /proc. */
    private record Run(
            ProcessHandle handle,
            @Nullable Process child,
            @Nullable RunRecord identity,
            Instant startedAt) {
        boolean alive() {
            return identity != null ? identity.alive() : handle.isAlive();
        }
    }

    private final String service;
    private final ServiceEntry.ProcessRuntime config;
    private final Path workDir;
    private final Path serviceDir;
    private final @Nullable String host;
    private final @Nullable Integer port;
    private final Clock clock;
    private final Consumer<ServiceStateChanged> events;
    private final RotatingLog log;
    private final OutputSpool stdout;
    private final OutputSpool stderr;
    private final String spec;
    private final List<Consumer<ServiceLogLine>> followers = new CopyOnWriteArrayList<>();

    // Guarded by this.
    private @Nullable Run run;
    private @Nullable Integer lastExit;
    private boolean lastExitExpected;
    private boolean stopping;
    private boolean closed;
    /** Bumped by every start and stop, so a restart timer from before knows it is stale. */
    private long generation;

    private RunState state = RunState.STOPPED;
    private String message = "not started";
    private final Deque<Instant> crashes = new ArrayDeque<>();
    private ProcStat.@Nullable Sample lastSample;
    private @Nullable Thread pump;

    public ProcessSupervisor(
            String service,
            ServiceEntry.ProcessRuntime config,
            Path serviceDir,
            @Nullable String host,
            @Nullable Integer port,
            Clock clock,
            Consumer<ServiceStateChanged> events) {
        this.service = service;
        this.config = config;
        this.serviceDir = serviceDir;
        this.workDir = config.workingDir().isEmpty() ? serviceDir : Path.of(config.workingDir());
        this.host = host;
        this.port = port;
        this.clock = clock;
        this.events = events;
        this.log =
                new RotatingLog(serviceDir.resolve("logs"), config.logMaxSize().bytes(), config.logFiles());
        this.stdout = new OutputSpool(
                serviceDir.resolve("spool"), "stdout", SPOOL_RECYCLE_AT, line -> deliver("stdout", line));
        this.stderr = new OutputSpool(
                serviceDir.resolve("spool"), "stderr", SPOOL_RECYCLE_AT, line -> deliver("stderr", line));
        this.spec = RunRecord.fingerprint(config.command(), config.env(), workDir.toString());
    }

    @Override
    public String kind() {
        return "process";
    }

    public boolean autostart() {
        return config.autostart();
    }

    @Override
    public synchronized RuntimeStatus status() {
        Run r = run;
        return new RuntimeStatus(
                state,
                r == null ? null : r.handle().pid(),
                host,
                port,
                r == null ? null : r.startedAt(),
                lastExit,
                null,
                lastExitExpected,
                message);
    }

    @Override
    public synchronized RuntimeStatus start() {
        if (closed)
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE, "Hearth is shutting down; '" + service + "' is not started");
        crashes.clear(); // a start by hand forgives the crash loop
        spawn();
        return status();
    }

    /**
     * At Hearth's start, before anything is started: what the last Hearth started and did not see end. The
     * same process, started the same way, is adopted; one started another way is stopped; a record whose
     * process has ended (or whose pid now belongs to another process) is dropped.
     */
    public void recover() {
        Optional<RunRecord> found = RunRecord.read(serviceDir);
        if (found.isEmpty()) return;
        RunRecord record = found.get();
        Optional<ProcessHandle> handle = record.alive() ? ProcessHandle.of(record.pid()) : Optional.empty();
        if (handle.isEmpty()) {
            RunRecord.delete(serviceDir);
            LOG.infof(
                    "Service %s: the program the last Hearth started (pid %d) ended while Hearth was not running",
                    service, record.pid());
            return;
        }
        if (!record.spec().equals(spec)) {
            LOG.infof(
                    "Service %s: pid %d was started under a configuration changed since; stopping it before starting anew",
                    service, record.pid());
            Run stale = new Run(handle.get(), null, record, record.startedAt());
            terminate(stale);
            RunRecord.delete(serviceDir);
            return;
        }
        Run adopted = new Run(handle.get(), null, record, record.startedAt());
        synchronized (this) {
            generation++;
            run = adopted;
            state = RunState.RUNNING;
            message = "running as pid " + record.pid()
                    + " (adopted at Hearth's start: it kept running while Hearth did not)";
            ensurePump();
        }
        watch(adopted);
        LOG.infof(
                "Service %s: adopted pid %d, started %s by the last Hearth", service, record.pid(), record.startedAt());
        publish("running", null, true, "pid " + record.pid() + " adopted");
    }

    /** Runs under the lock. Starting a running program is not an error: it answers the running one. */
    private void spawn() {
        if (run != null && run.alive()) return;
        generation++;
        ProcessBuilder pb = ChildEnvironment.apply(
                        new ProcessBuilder(config.command()).directory(workDir.toFile()), System.getenv(), config.env())
                // Files, not pipes: the program's output must outlive Hearth (a write into a pipe nobody reads kills
                // it).
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.target()))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.target()));
        Process p;
        try {
            Files.createDirectories(workDir);
            p = pb.start();
        } catch (IOException e) {
            state = RunState.FAILED;
            message = "cannot start " + config.command().getFirst() + ": " + e.getMessage();
            publish("failed", null, false, "not started");
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Service '" + service + "' could not start: " + e.getMessage(),
                    Map.of("command", config.command()));
        }
        Instant now = clock.instant();
        RunRecord identity = RunRecord.identify(p.pid(), spec, now).orElse(null);
        if (identity != null) {
            try {
                identity.write(serviceDir);
            } catch (IOException e) {
                LOG.warnf(
                        "Service %s: cannot record pid %d (%s); should Hearth die, its next start cannot adopt it",
                        service, p.pid(), e.getMessage());
            }
        }
        Run started = new Run(p.toHandle(), p, identity, now);
        run = started;
        state = RunState.RUNNING;
        message = "running as pid " + p.pid();
        ensurePump();
        publish("running", null, true, "pid " + p.pid());
        // Last: for a program that has already ended, thenRun runs exited() at once, on this thread.
        p.onExit().thenRun(() -> exited(started, p.exitValue()));
    }

    /** An adopted program sends no exit notice: /proc is read until it is gone. */
    private void watch(Run adopted) {
        Thread.ofVirtual()
                .name("watch-" + service + "-" + adopted.handle().pid())
                .start(() -> {
                    while (adopted.alive()) {
                        synchronized (this) {
                            if (run != adopted) return; // stopped through Hearth: terminate() ends it and records it
                        }
                        try {
                            Thread.sleep(ADOPTED_POLL);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    exited(adopted, null);
                });
    }

    private void deliver(String stream, String text) {
        ServiceLogLine line = new ServiceLogLine(clock.instant(), stream, text);
        log.append(line);
        followers.forEach(f -> f.accept(line));
    }

    /** Runs under the lock: one reader of the output files while any program runs or output is left. */
    private void ensurePump() {
        if (pump != null && pump.isAlive()) return;
        pump = Thread.ofVirtual().name("output-" + service).start(this::pumpLoop);
    }

    private void pumpLoop() {
        while (true) {
            boolean any = drain();
            synchronized (this) {
                if (run == null && !any) {
                    pump = null;
                    return;
                }
            }
            try {
                Thread.sleep(any ? 20 : 100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean drain() {
        boolean out = stdout.drain();
        boolean err = stderr.drain();
        return out || err;
    }

    /** {@code code} is null for an adopted program: only its parent learns how it ended. */
    private synchronized void exited(Run r, @Nullable Integer code) {
        if (r != run) return;
        // Its last words before its exit is published.
        drain();
        stdout.flush();
        stderr.flush();
        run = null;
        RunRecord.delete(serviceDir);
        long pid = r.handle().pid();
        lastExit = code;
        lastExitExpected = stopping;
        if (stopping || closed) {
            stopping = false;
            state = RunState.STOPPED;
            message = "stopped through Hearth" + (code == null ? "" : " (exit code " + code + ")");
            publish("stopped", code, true, "pid " + pid);
            return;
        }
        state = RunState.EXITED;
        message = code == null
                ? "exited on its own (exit code unknown: it was adopted, not Hearth's child)"
                : "exited on its own with code " + code;
        publish("exited", code, false, "pid " + pid);
        boolean restart = switch (config.restart()) {
            case "always" -> true;
            case "on-failure" -> code == null || code != 0;
            default -> false;
        };
        if (!restart) return;
        Instant now = clock.instant();
        crashes.addLast(now);
        while (!crashes.isEmpty() && crashes.peekFirst().isBefore(now.minus(config.crashLoopWindow())))
            crashes.removeFirst();
        String codeText = code == null ? "unknown" : Integer.toString(code);
        if (crashes.size() >= config.crashLoopLimit()) {
            state = RunState.FAILED;
            message = "crash loop: exited " + crashes.size() + " times within "
                    + config.crashLoopWindow().toSeconds() + "s (last code " + codeText
                    + "); not restarted until started by hand";
            publish("failed", code, false, "pid " + pid);
            return;
        }
        Duration wait = backoff(crashes.size());
        state = RunState.RESTARTING;
        message = "exited with code " + codeText + "; restarting in " + wait.toMillis() + " ms (crash " + crashes.size()
                + " of " + config.crashLoopLimit() + ")";
        long expectedGeneration = generation;
        Thread.ofVirtual().name("restart-" + service).start(() -> {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (generation != expectedGeneration || closed || state != RunState.RESTARTING) return;
                try {
                    spawn();
                } catch (ApiException e) {
                    LOG.warnf("Service %s could not be restarted: %s", service, e.getMessage());
                }
            }
        });
    }

    /** backoff × 2^(crashes−1), at most max_backoff. */
    Duration backoff(int crashesInWindow) {
        long base = config.backoff().toMillis();
        long factor = 1L << Math.min(30, Math.max(0, crashesInWindow - 1));
        long ms = base > Long.MAX_VALUE / factor ? Long.MAX_VALUE : base * factor;
        return Duration.ofMillis(Math.min(ms, config.maxBackoff().toMillis()));
    }

    @Override
    public RuntimeStatus stop() {
        Run r;
        synchronized (this) {
            generation++; // cancels a pending restart
            r = run;
            if (r == null) {
                if (state == RunState.RESTARTING || state == RunState.FAILED || state == RunState.EXITED) {
                    state = RunState.STOPPED;
                    message = "stopped through Hearth";
                }
                return status();
            }
            stopping = true;
        }
        terminate(r);
        return status();
    }

    /** The stop signal, SIGKILL after the timeout, then any descendant that outlived its parent. */
    private void terminate(Run r) {
        List<ProcessHandle> tree = new ArrayList<>(r.handle().descendants().toList());
        signal(r);
        if (!awaitEnd(r, config.stopTimeout())) {
            LOG.infof(
                    "Service %s ignored SIG%s for %s; killing it",
                    service, config.stopSignal().replaceFirst("^SIG", ""), config.stopTimeout());
            tree.addAll(r.handle().descendants().toList());
            r.handle().destroyForcibly();
            awaitEnd(r, Duration.ofSeconds(5));
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (r.child() == null) exited(r, null); // an adopted program: nobody else will say it ended
        // exited() runs on onExit's callback; wait (briefly) for it to record the code before we answer.
        for (int i = 0; i < 100; i++) {
            synchronized (this) {
                if (run != r) return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean awaitEnd(Run r, Duration within) {
        try {
            Process child = r.child();
            if (child != null) return child.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + within.toNanos();
            while (r.alive()) {
                if (System.nanoTime() > deadline) return false;
                Thread.sleep(50);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !r.alive();
        }
    }

    private void signal(Run r) {
        String sig = config.stopSignal().replaceFirst("^SIG", "");
        if (sig.equals("TERM")) {
            r.handle().destroy();
            return;
        }
        try {
            ChildEnvironment.apply(
                            new ProcessBuilder(
                                    "kill", "-s", sig, Long.toString(r.handle().pid())),
                            System.getenv(),
                            Map.of())
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            r.handle().destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public RuntimeStatus restart() {
        stop();
        return start();
    }

    /** Hearth is stopping: no more restarts, and the program is stopped like any stop. */
    public void close() {
        Run r;
        synchronized (this) {
            closed = true;
            generation++;
            r = run;
            if (r != null) stopping = true;
        }
        if (r != null) terminate(r);
    }

    /** For the JVM's last moment, when an orderly close did not run: no child outlives Hearth. */
    void killNow() {
        Run r = run;
        if (r != null) {
            r.handle().descendants().forEach(ProcessHandle::destroyForcibly);
            r.handle().destroyForcibly();
        }
    }

    @Override
    public List<ServiceLogLine> logs(int tail, @Nullable Instant since) {
        return log.read(tail, since);
    }

    @Override
    public AutoCloseable follow(int tail, Consumer<ServiceLogLine> consumer) {
        // Register first, so no line falls between the tail and the live lines.
        followers.add(consumer);
        log.read(tail, null).forEach(consumer);
        return () -> followers.remove(consumer);
    }

    @Override
    public ResourceUsage stats() {
        Run r;
        synchronized (this) {
            r = run;
        }
        if (r == null) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Service '" + service + "' is not running (" + state.word() + ")",
                    Map.of("state", state.word()));
        }
        List<Long> pids = new ArrayList<>();
        pids.add(r.handle().pid());
        r.handle().descendants().forEach(d -> pids.add(d.pid()));
        ProcStat.Sample before = lastSample;
        if (before == null || System.nanoTime() - before.nanoTime() > TimeUnit.SECONDS.toNanos(30)) {
            before = ProcStat.sample(pids);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ProcStat.Sample now = ProcStat.sample(pids);
        lastSample = now;
        long total = ProcStat.memTotal();
        double memPercent = total > 0 ? now.rssBytes() * 100.0 / total : 0;
        return new ResourceUsage(
                ProcStat.cpuPercent(before, now),
                now.rssBytes(),
                total,
                memPercent,
                0,
                0,
                now.readBytes(),
                now.writeBytes());
    }

    private void publish(String newState, @Nullable Integer exitCode, boolean expected, String detail) {
        try {
            events.accept(
                    new ServiceStateChanged(service, "process", newState, exitCode, expected, detail, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warnf("State change of %s not published: %s", service, e.getMessage());
        }
    }
}
