package dev.hearth.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real program started for a test: its own directory, output to a log file, stopped by its pid
 * (SIGTERM, then SIGKILL). Readiness is polled with a deadline, never slept for.
 */
public final class Daemon implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private Daemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code workDir}; its output goes to {@code log} (or is discarded when null). */
    public static Daemon start(String name, List<String> command, Path workDir, Map<String, String> env, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            return new Daemon(name, pb.start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " (is it installed? see .ci/run)", e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Polls {@code url} until it answers with any HTTP status. */
    public Daemon awaitHttp(URI url, Duration within) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + within.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            try {
                http.send(
                        HttpRequest.newBuilder(url)
                                .timeout(Duration.ofSeconds(1))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return this;
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Waits.pause(Duration.ofMillis(50));
        }
        stop();
        throw new IllegalStateException(
                name + " did not answer at " + url + " within " + within + "; see " + log, last);
    }

    /** Polls a loopback TCP port until it accepts a connection. */
    public Daemon awaitPort(int port, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
                return this;
            } catch (IOException notYet) {
                Waits.pause(Duration.ofMillis(50));
            }
        }
        stop();
        throw new IllegalStateException(name + " did not listen on " + port + " within " + within + "; see " + log);
    }

    /** SIGKILL, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM, then SIGKILL after 5 s. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(5))) {
            kill();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean awaitExit(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }
}
