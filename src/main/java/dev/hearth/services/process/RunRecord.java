package dev.hearth.services.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What Hearth started, written beside the program's logs ({@code run.properties}, 0600) the moment it
 * started: its pid, the start time the kernel gives it ({@code /proc/<pid>/stat} field 22, clock ticks since
 * boot) and the boot it belongs to, so a pid the kernel has since given to another process is never taken
 * for it; and a fingerprint of how it was started (command, environment, directory), so a program started
 * under a configuration that has changed since is not kept. Deleted when Hearth sees the program end.
 */
record RunRecord(long pid, long startTicks, String bootId, String spec, Instant startedAt) {
    static final String FILE = "run.properties";

    /** The identity of a live process now; empty when it is gone or a zombie. */
    static Optional<RunRecord> identify(long pid, String spec, Instant startedAt) {
        return startTicks(pid).map(ticks -> new RunRecord(pid, ticks, currentBootId(), spec, startedAt));
    }

    /** Whether this very process (same pid, same start, same boot) is still alive. */
    boolean alive() {
        return bootId.equals(currentBootId())
                && startTicks(pid).map(t -> t == startTicks).orElse(false);
    }

    static String fingerprint(List<String> command, Map<String, String> env, String workingDir) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder b = new StringBuilder();
            command.forEach(c -> b.append(c).append('\0'));
            b.append('\1');
            new TreeMap<>(env)
                    .forEach((k, v) -> b.append(k).append('=').append(v).append('\0'));
            b.append('\1').append(workingDir);
            // Hashed: the environment may hold a secret given to the program, and this file is not the place for it.
            return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("start_ticks", Long.toString(startTicks));
        p.setProperty("boot_id", bootId);
        p.setProperty("spec", spec);
        p.setProperty("started_at", startedAt.toString());
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newOutputStream(tmp)) {
            p.store(out, "the program Hearth started; read at Hearth's next start");
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Optional<RunRecord> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(new RunRecord(
                    Long.parseLong(p.getProperty("pid")),
                    Long.parseLong(p.getProperty("start_ticks")),
                    p.getProperty("boot_id", ""),
                    p.getProperty("spec", ""),
                    Instant.parse(p.getProperty("started_at"))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    static void delete(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException ignored) {
            // a stale record is recognised as such at the next start
        }
    }

    /** Field 22 of /proc/<pid>/stat; empty when the process is gone or a zombie (dead, not yet reaped). */
    static Optional<Long> startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            if (f[0].equals("Z") || f[0].equals("X")) return Optional.empty();
            return Optional.of(Long.parseLong(f[19])); // fields counted from 3 (the state) after the name
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    static String currentBootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
