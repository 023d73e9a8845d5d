package dev.hearth.backups.internal;

import dev.hearth.backups.BackupsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Copies to an rclone remote (S3, B2, SFTP, Google Drive, a local disk, ...), by running the {@code rclone}
 * program with arguments (no shell). rclone reads its remotes, credentials included, from its own config
 * file; Hearth's environment, which may hold Hearth's secrets, does not reach it.
 */
public final class Rclone {
    private final BackupsConfig.Rclone config;

    public Rclone(BackupsConfig.Rclone config) {
        this.config = config;
    }

    public boolean configured() {
        return !config.remote().isEmpty();
    }

    /** Where a file of this name lives on the remote: {@code remote:path/name}. */
    public String location(String fileName) {
        String r = config.remote();
        return r.endsWith(":") || r.endsWith("/") ? r + fileName : r + "/" + fileName;
    }

    public void upload(Path file) throws IOException {
        run(List.of("copyto", file.toString(), location(file.getFileName().toString())));
    }

    public void delete(String fileName) throws IOException {
        run(List.of("deletefile", location(fileName)));
    }

    /** The remote copy as a stream (rclone cat); the process ends when the stream is closed. */
    public InputStream open(String fileName) throws IOException {
        Process p = process(List.of("cat", location(fileName)))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        p.getOutputStream().close();
        return new java.io.FilterInputStream(p.getInputStream()) {
            @Override
            public void close() throws IOException {
                super.close();
                p.destroy();
            }
        };
    }

    private void run(List<String> args) throws IOException {
        Path log = Files.createTempFile("hearth-rclone", ".log");
        try {
            Process p = process(args)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            p.getOutputStream().close();
            Duration limit = config.timeout();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(
                        "rclone " + args.getFirst() + " did not finish within " + limit.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                String out = Files.readString(log, StandardCharsets.UTF_8).strip();
                String last = out.lines()
                        .filter(l -> !l.isBlank())
                        .reduce((a, b) -> b)
                        .orElse("");
                throw new IOException("rclone " + args.getFirst() + " failed (exit " + p.exitValue() + "): " + last);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rclone ran", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private ProcessBuilder process(List<String> args) {
        List<String> command = new ArrayList<>(List.of("rclone"));
        if (!config.config().isEmpty()) command.addAll(List.of("--config", config.config()));
        command.add("--ask-password=false");
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        return pb;
    }
}
