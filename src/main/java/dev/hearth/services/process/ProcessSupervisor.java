package dev.hearth.services.process;

import dev.hearth.services.ServiceEntry;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.ResourceUsage;
import dev.hearth.services.RunState;
import dev.hearth.services.RuntimeStatus;
import dev.hearth.services.ServiceLogLine;
import dev.hearth.services.Loggable;
import dev.hearth.services.Measurable;
import dev.hearth.services.ServiceRuntime;
import dev.hearth.services.ServiceStateChanged;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * One native program under Hearth's care. Start spawns it with its output piped to rotating files; an
 * exit Hearth did not ask for is published with its exit code and, by the restart policy, followed by a
 * restart after an exponentially growing wait, until {@code crash_loop_limit} crashes within
 * {@code crash_loop_window} leave it {@code failed}. Stop sends the stop signal, then SIGKILL after the
 * stop timeout, and kills any child the program left behind.
 */
public final class ProcessSupervisor implements ServiceRuntime, Loggable, Measurable {
    private static final Logger LOG = Logger.getLogger(ProcessSupervisor.class);

    private final String service;
    private final ServiceEntry.ProcessRuntime config;
    private final Path workDir;
    private final @Nullable String host;
    private final @Nullable Integer port;
    private final Clock clock;
    private final Consumer<ServiceStateChanged> events;
    private final RotatingLog log;
    private final List<Consumer<ServiceLogLine>> followers = new CopyOnWriteArrayList<>();

    // Guarded by this.
    private @Nullable Process process;
    private @Nullable Instant startedAt;
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

    public ProcessSupervisor(String service, ServiceEntry.ProcessRuntime config, Path serviceDir, @Nullable String host,
                             @Nullable Integer port, Clock clock, Consumer<ServiceStateChanged> events) {
        this.service = service;
        this.config = config;
        this.workDir = config.workingDir().isEmpty() ? serviceDir : Path.of(config.workingDir());
        this.host = host;
        this.port = port;
        this.clock = clock;
        this.events = events;
        this.log = new RotatingLog(serviceDir.resolve("logs"), config.logMaxSize().bytes(), config.logFiles());
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
        Process p = process;
        return new RuntimeStatus(state, p == null ? null : p.pid(), host, port, p == null ? null : startedAt, lastExit, null,
                lastExitExpected, message);
    }

    @Override
    public synchronized RuntimeStatus start() {
        if (closed) throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Hearth is shutting down; '" + service + "' is not started");
        crashes.clear(); // a start by hand forgives the crash loop
        spawn();
        return status();
    }

    /** Runs under the lock. Starting a running program is not an error: it answers the running one. */
    private void spawn() {
        if (process != null && process.isAlive()) return;
        generation++;
        ProcessBuilder pb = new ProcessBuilder(config.command()).directory(workDir.toFile());
        pb.environment().putAll(config.env());
        Process p;
        try {
            Files.createDirectories(workDir);
            p = pb.start();
        } catch (IOException e) {
            state = RunState.FAILED;
            message = "cannot start " + config.command().getFirst() + ": " + e.getMessage();
            publish("failed", null, false, "not started");
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Service '" + service + "' could not start: " + e.getMessage(),
                    Map.of("command", config.command()));
        }
        closeQuietly(p);
        process = p;
        startedAt = clock.instant();
        state = RunState.RUNNING;
        message = "running as pid " + p.pid();
        pump(p.getInputStream(), "stdout", p.pid());
        pump(p.getErrorStream(), "stderr", p.pid());
        p.onExit().thenRun(() -> exited(p));
        publish("running", null, true, "pid " + p.pid());
    }

    /** The program reads no input from Hearth: its stdin is closed at once. */
    private static void closeQuietly(Process p) {
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to close
        }
    }

    private void pump(InputStream in, String stream, long pid) {
        Thread.ofVirtual().name("output-" + service + "-" + pid + "-" + stream).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    ServiceLogLine l = new ServiceLogLine(clock.instant(), stream, line);
                    log.append(l);
                    followers.forEach(f -> f.accept(l));
                }
            } catch (IOException e) {
                // the pipe closed with the process
            }
        });
    }

    private synchronized void exited(Process p) {
        if (p != process) return;
        int code = p.exitValue();
        process = null;
        lastExit = code;
        lastExitExpected = stopping;
        if (stopping || closed) {
            stopping = false;
            state = RunState.STOPPED;
            message = "stopped through Hearth (exit code " + code + ")";
            publish("stopped", code, true, "pid " + p.pid());
            return;
        }
        state = RunState.EXITED;
        message = "exited on its own with code " + code;
        publish("exited", code, false, "pid " + p.pid());
        boolean restart = switch (config.restart()) {
            case "always" -> true;
            case "on-failure" -> code != 0;
            default -> false;
        };
        if (!restart) return;
        Instant now = clock.instant();
        crashes.addLast(now);
        while (!crashes.isEmpty() && crashes.peekFirst().isBefore(now.minus(config.crashLoopWindow()))) crashes.removeFirst();
        if (crashes.size() >= config.crashLoopLimit()) {
            state = RunState.FAILED;
            message = "crash loop: exited " + crashes.size() + " times within " + config.crashLoopWindow().toSeconds()
                    + "s (last code " + code + "); not restarted until started by hand";
            publish("failed", code, false, "pid " + p.pid());
            return;
        }
        Duration wait = backoff(crashes.size());
        state = RunState.RESTARTING;
        message = "exited with code " + code + "; restarting in " + wait.toMillis() + " ms (crash " + crashes.size() + " of "
                + config.crashLoopLimit() + ")";
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
        Process p;
        synchronized (this) {
            generation++; // cancels a pending restart
            p = process;
            if (p == null) {
                if (state == RunState.RESTARTING || state == RunState.FAILED || state == RunState.EXITED) {
                    state = RunState.STOPPED;
                    message = "stopped through Hearth";
                }
                return status();
            }
            stopping = true;
        }
        terminate(p);
        return status();
    }

    /** The stop signal, SIGKILL after the timeout, then any descendant that outlived its parent. */
    private void terminate(Process p) {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        signal(p);
        try {
            if (!p.waitFor(config.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.infof("Service %s ignored SIG%s for %s; killing it", service, config.stopSignal().replaceFirst("^SIG", ""),
                        config.stopTimeout());
                tree.addAll(p.descendants().toList());
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        // exited() runs on onExit's callback; wait (briefly) for it to record the code before we answer.
        for (int i = 0; i < 100; i++) {
            synchronized (this) {
                if (process != p) return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void signal(Process p) {
        String sig = config.stopSignal().replaceFirst("^SIG", "");
        if (sig.equals("TERM")) {
            p.destroy();
            return;
        }
        try {
            new ProcessBuilder("kill", "-s", sig, Long.toString(p.pid())).redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            p.destroy();
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
        Process p;
        synchronized (this) {
            closed = true;
            generation++;
            p = process;
            if (p != null) stopping = true;
        }
        if (p != null) terminate(p);
    }

    /** For the JVM's last moment, when an orderly close did not run: no child outlives Hearth. */
    void killNow() {
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
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
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null) {
            throw new ApiException(ErrorCode.CONFLICT, "Service '" + service + "' is not running (" + state.word() + ")",
                    Map.of("state", state.word()));
        }
        List<Long> pids = new ArrayList<>();
        pids.add(p.pid());
        p.descendants().forEach(d -> pids.add(d.pid()));
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
        return new ResourceUsage(ProcStat.cpuPercent(before, now), now.rssBytes(), total, memPercent, 0, 0, now.readBytes(),
                now.writeBytes());
    }

    private void publish(String newState, @Nullable Integer exitCode, boolean expected, String detail) {
        try {
            events.accept(new ServiceStateChanged(service, "process", newState, exitCode, expected, detail, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warnf("State change of %s not published: %s", service, e.getMessage());
        }
    }
}
