package dev.hearth.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: a directory run_as can reach, and the processes still living in it (by their working directory). */
final class Workspaces {
    private Workspaces() {}

    /** A fresh directory under /tmp that others may traverse (JUnit's own temp dirs are the owner's alone). */
    static Path reachable(String prefix) {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), prefix);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Living processes whose working directory is inside {@code dir}: what a command could have left behind. */
    static List<String> processesIn(Path dir) {
        List<String> found = new ArrayList<>();
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            return found;
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(
                Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : procs) {
                try {
                    Path cwd = Files.readSymbolicLink(p.resolve("cwd"));
                    String stat = Files.readString(p.resolve("stat"));
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    if (cwd.startsWith(real) && state != 'Z' && state != 'X')
                        found.add(p.getFileName() + " " + stat.substring(0, Math.min(60, stat.length())));
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile, or a kernel thread
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover under /tmp is harmless
        }
    }

    /** A tiny pure-Python wheel (hearthdemo 1.0, ANSWER = 42), written by hand: no build tools, no index. */
    static Path wheel(Path dir) {
        Path whl = dir.resolve("hearthdemo-1.0-py3-none-any.whl");
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("hearthdemo/__init__.py", "ANSWER = 42\n");
        files.put("hearthdemo-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: hearthdemo\nVersion: 1.0\n");
        files.put(
                "hearthdemo-1.0.dist-info/WHEEL",
                "Wheel-Version: 1.0\nGenerator: hearth-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
        StringBuilder record = new StringBuilder();
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(whl))) {
            for (var e : files.entrySet()) {
                byte[] data = e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(data);
                zip.closeEntry();
                byte[] digest =
                        java.security.MessageDigest.getInstance("SHA-256").digest(data);
                record.append(e.getKey())
                        .append(",sha256=")
                        .append(java.util.Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(digest))
                        .append(',')
                        .append(data.length)
                        .append('\n');
            }
            record.append("hearthdemo-1.0.dist-info/RECORD,,\n");
            zip.putNextEntry(new java.util.zip.ZipEntry("hearthdemo-1.0.dist-info/RECORD"));
            zip.write(record.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            Files.setPosixFilePermissions(whl, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return whl;
    }
}
