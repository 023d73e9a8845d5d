package dev.hearth.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The long-lived Python process of a workspace: its namespace outlives each call. One call at a time; a
 * call past its time limit kills the worker (and all it started) — its variables are lost, and the answer
 * says so — and the next call starts a new one. It runs on the workspace's virtual environment, made on
 * first use from {@code remote_admin.python}, so packages {@code install} puts there are importable at once.
 */
final class PythonWorker implements AutoCloseable {
    private static final String SCRIPT = script();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Sandbox sandbox;
    private final ObjectMapper json;
    private final ReentrantLock busy = new ReentrantLock();
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private @Nullable Live live;

    /** The running process: its protocol reader, its output capture, and when it started. */
    private record Live(
            Process process,
            OutputStream requests,
            BlockingQueue<Optional<JsonNode>> answers,
            OutputSink output,
            Instant started) {}

    /** Where the output pipe goes: the capture of the call being served (the drain thread reads it each write). */
    private static final class OutputSink {
        private volatile OutputCapture current;

        OutputSink(long limit) {
            this.current = new OutputCapture(limit);
        }
    }

    PythonWorker(Sandbox sandbox, ObjectMapper json) {
        this.sandbox = sandbox;
        this.json = json;
    }

    Path venv() {
        return sandbox.workspace().resolve(".venv");
    }

    Path venvPython() {
        return venv().resolve("bin").resolve("python");
    }

    /** Makes {@code <workspace>/.venv} once (as run_as, with the system's site packages, without pip of its own). */
    void ensureVenv(Duration timeout) {
        if (Files.isExecutable(venvPython())) return;
        Path ws = sandbox.prepareWorkspace();
        try {
            RunningCommand make = RunningCommand.start(
                    sandbox,
                    List.of(
                            sandbox.config().python(),
                            "-m",
                            "venv",
                            "--system-site-packages",
                            "--without-pip",
                            venv().toString()),
                    ws,
                    Optional.empty(),
                    Optional.empty());
            CommandResult r = make.await(timeout);
            if (!r.success()) {
                throw Sandbox.unavailable(
                        "The workspace's Python environment could not be made with "
                                + sandbox.config().python() + ": "
                                + (r.timedOut() ? "timed out" : r.stderr().strip()),
                        Map.of("python", sandbox.config().python()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted");
        }
    }

    boolean running() {
        Live l = live;
        return l != null && l.process().isAlive();
    }

    Optional<Long> pid() {
        Live l = live;
        return l == null || !l.process().isAlive()
                ? Optional.empty()
                : Optional.of(l.process().pid());
    }

    Optional<Instant> startedAt() {
        Live l = live;
        return l == null || !l.process().isAlive() ? Optional.empty() : Optional.of(l.started());
    }

    PythonResult execute(String code, Duration timeout) {
        long start = System.nanoTime();
        lockWithin(timeout);
        try {
            Live l = ensureStarted();
            OutputCapture capture =
                    new OutputCapture(sandbox.config().maxOutput().bytes());
            l.output().current = capture;
            String end = "\u0000hearth-end-" + HexFormat.of().formatHex(randomBytes()) + "\u0000";
            ObjectNode request = json.createObjectNode()
                    .put("op", "execute")
                    .put("code", code)
                    .put("end", end);
            long left = timeout.toNanos() - (System.nanoTime() - start);
            Optional<JsonNode> answer = call(l, request, Duration.ofNanos(Math.max(left, 1)));
            if (answer.isEmpty()) {
                boolean timedOut = l.process().isAlive();
                String why = timedOut
                        ? "Timed out after " + timeout.toSeconds()
                                + " s: the Python worker was stopped and its variables are lost; the next call starts a new one"
                        : "The Python worker ended (exit code " + exitCode(l)
                                + "): its variables are lost; the next call starts a new one";
                stop();
                return new PythonResult(
                        capture.text(), why, false, Map.of(), capture.truncated(), timedOut, true, millisSince(start));
            }
            byte[] marker = end.getBytes(StandardCharsets.UTF_8);
            capture.awaitEnding(marker, 2000);
            JsonNode a = answer.get();
            return new PythonResult(
                    capture.textWithout(marker),
                    a.path("error").asText(""),
                    a.path("ok").asBoolean(false),
                    variables(a.path("variables")),
                    capture.truncated(),
                    false,
                    false,
                    millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted");
        } finally {
            busy.unlock();
        }
    }

    /** The worker's variables; an empty map when no worker runs (none is started just to look). */
    Map<String, PythonResult.Variable> variables(Duration timeout) {
        lockWithin(timeout);
        try {
            Live l = live;
            if (l == null || !l.process().isAlive()) return Map.of();
            Optional<JsonNode> a = call(l, json.createObjectNode().put("op", "variables"), timeout);
            return a.map(node -> variables(node.path("variables"))).orElseGet(Map::of);
        } finally {
            busy.unlock();
        }
    }

    /** Deletes a variable; false when there is no such variable (or no worker). */
    boolean delete(String name, Duration timeout) {
        lockWithin(timeout);
        try {
            Live l = live;
            if (l == null || !l.process().isAlive()) return false;
            Optional<JsonNode> a =
                    call(l, json.createObjectNode().put("op", "delete").put("name", name), timeout);
            return a.map(node -> node.path("deleted").asBoolean(false)).orElse(false);
        } finally {
            busy.unlock();
        }
    }

    /** Stops the worker now, whatever it is doing (it is not waited for: a stuck call keeps the lock). */
    void stop() {
        Live l = live;
        live = null;
        if (l != null) {
            Sandbox.killSession(l.process().pid());
            try {
                l.requests().close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void lockWithin(Duration timeout) {
        try {
            if (!busy.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        "The Python worker is busy with another call; try again when it is done",
                        Map.of("retry", true));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted");
        }
    }

    private Live ensureStarted() {
        Live l = live;
        if (l != null && l.process().isAlive()) return l;
        ensureVenv(START_TIMEOUT);
        Path ws = sandbox.prepareWorkspace();
        Process p = sandbox.start(
                List.of(venvPython().toString(), "-I", "-u", "-c", SCRIPT),
                ws,
                Optional.of(venv().resolve("bin")),
                true);
        OutputSink sink = new OutputSink(sandbox.config().maxOutput().bytes());
        BlockingQueue<Optional<JsonNode>> answers = new ArrayBlockingQueue<>(16);
        Thread.ofVirtual().name("python-worker-output-" + p.pid()).start(() -> drain(p.getErrorStream(), sink));
        Thread.ofVirtual()
                .name("python-worker-answers-" + p.pid())
                .start(() -> readAnswers(p.getInputStream(), answers));
        l = new Live(p, p.getOutputStream(), answers, sink, Instant.now());
        live = l;
        return l;
    }

    private static void drain(InputStream in, OutputSink sink) {
        byte[] buffer = new byte[16 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) sink.current.write(buffer, 0, n);
        } catch (IOException closed) {
            // the worker is gone
        }
    }

    private void readAnswers(InputStream in, BlockingQueue<Optional<JsonNode>> answers) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                answers.put(Optional.of(json.readTree(line)));
            }
        } catch (IOException | InterruptedException ended) {
            // the worker is gone; the empty answer below says so
        }
        answers.offer(Optional.empty());
    }

    /** Sends one request; empty when no answer came within {@code timeout} or the worker ended. */
    private Optional<JsonNode> call(Live l, ObjectNode request, Duration timeout) {
        try {
            l.answers().clear();
            l.requests().write((json.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            l.requests().flush();
            Optional<JsonNode> a = l.answers().poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return a == null ? Optional.empty() : a;
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Map<String, PythonResult.Variable> variables(JsonNode node) {
        Map<String, PythonResult.Variable> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            boolean has = v.has("value");
            out.put(
                    e.getKey(),
                    new PythonResult.Variable(v.path("type").asText("object"), has ? v.get("value") : null, has));
        });
        return out;
    }

    private static String exitCode(Live l) {
        try {
            return l.process().waitFor(1, TimeUnit.SECONDS)
                    ? Integer.toString(l.process().exitValue())
                    : "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private byte[] randomBytes() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String script() {
        try (InputStream in = PythonWorker.class.getResourceAsStream("/dev/hearth/admin/worker.py")) {
            if (in == null) throw new IllegalStateException("worker.py missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
