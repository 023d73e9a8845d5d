package dev.hearth.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One sandboxed process and its two output streams, each drained on a virtual thread into a capped capture.
 * When it ends — by itself, at its time limit, or cancelled — everything it started is killed too: a
 * command's children never outlive it (and never hold its pipes open).
 */
final class RunningCommand {
    private final Process process;
    private final OutputCapture stdout;
    private final OutputCapture stderr;
    private final Thread outReader;
    private final Thread errReader;
    private final long startNanos = System.nanoTime();
    private volatile boolean cancelled;

    private RunningCommand(Process process, long maxOutput) {
        this.process = process;
        this.stdout = new OutputCapture(maxOutput);
        this.stderr = new OutputCapture(maxOutput);
        this.outReader = Thread.ofVirtual()
                .name("admin-stdout-" + process.pid())
                .start(() -> stdout.drain(process.getInputStream()));
        this.errReader = Thread.ofVirtual()
                .name("admin-stderr-" + process.pid())
                .start(() -> stderr.drain(process.getErrorStream()));
    }

    /** Starts {@code argv}; with {@code input} present, it is written to the process's stdin, which is then closed. */
    static RunningCommand start(
            Sandbox sandbox,
            java.util.List<String> argv,
            java.nio.file.Path dir,
            Optional<java.nio.file.Path> firstOnPath,
            Optional<String> input) {
        Process p = sandbox.start(argv, dir, firstOnPath, input.isPresent());
        RunningCommand running =
                new RunningCommand(p, sandbox.config().maxOutput().bytes());
        input.ifPresent(text -> Thread.ofVirtual().start(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException gone) {
                // the process ended before reading all of it: its exit says why
            }
        }));
        return running;
    }

    long pid() {
        return process.pid();
    }

    /** Kills it and everything it started; {@link #await} then answers {@code cancelled}. */
    void cancel() {
        cancelled = true;
        Sandbox.killSession(process.pid());
    }

    CommandResult await(Duration timeout) throws InterruptedException {
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Sandbox.killSession(process.pid());
        if (!exited) process.waitFor(5, TimeUnit.SECONDS);
        // the pipes close when the last holder dies; one that escaped the session is not waited for long
        outReader.join(Duration.ofSeconds(2));
        errReader.join(Duration.ofSeconds(2));
        if (outReader.isAlive() || errReader.isAlive()) {
            closeQuietly();
            outReader.join(Duration.ofSeconds(1));
            errReader.join(Duration.ofSeconds(1));
        }
        boolean timedOut = !exited && !cancelled;
        int code = exited && !cancelled ? process.exitValue() : -1;
        return new CommandResult(
                stdout.text(),
                stderr.text(),
                code,
                exited && !cancelled && code == 0,
                stdout.truncated() || stderr.truncated(),
                timedOut,
                cancelled,
                (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void closeQuietly() {
        try {
            process.getInputStream().close();
            process.getErrorStream().close();
        } catch (IOException ignored) {
            // closing to stop reading: nothing to do about a failure
        }
    }
}
