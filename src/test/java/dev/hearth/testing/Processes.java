package dev.hearth.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end for a test (at most a minute), failing with its output when it fails. */
public final class Processes {
    private Processes() {}

    public static String run(Path dir, String... command) {
        return run(dir, Map.of(), List.of(command));
    }

    public static String run(Path dir, Map<String, String> env, List<String> command) {
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not end within a minute");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0)
                throw new AssertionError(command + " failed (exit " + p.exitValue() + "):\n" + text);
            return text;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
