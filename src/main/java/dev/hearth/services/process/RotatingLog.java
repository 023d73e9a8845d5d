package dev.hearth.services.process;

import dev.hearth.services.ServiceLogLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A program's output as size-bounded files: {@code output.log}, then {@code output.log.1} ... up to
 * {@code files - 1} older ones, so a chatty daemon (Deluge logs ~700 KB in two minutes) never fills the
 * disk. Each line carries its time and stream, so {@code since} and {@code timestamps} work on reading.
 */
final class RotatingLog {
    private final Path dir;
    private final long maxBytes;
    private final int files;
    private long size;

    RotatingLog(Path dir, long maxBytes, int files) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.files = files;
        try {
            Files.createDirectories(dir);
            size = Files.exists(current()) ? Files.size(current()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + dir, e);
        }
    }

    Path current() {
        return dir.resolve("output.log");
    }

    private Path older(int n) {
        return dir.resolve("output.log." + n);
    }

    synchronized void append(ServiceLogLine line) {
        byte[] bytes = (line.time() + " " + line.stream() + " " + line.text() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (size > 0 && size + bytes.length > maxBytes) rotate();
            Files.write(current(), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            size += bytes.length;
        } catch (IOException e) {
            // A full disk must not take the supervised program down with it; the line is lost.
        }
    }

    private void rotate() throws IOException {
        Files.deleteIfExists(older(files - 1));
        for (int i = files - 2; i >= 1; i--) {
            if (Files.exists(older(i))) Files.move(older(i), older(i + 1), StandardCopyOption.REPLACE_EXISTING);
        }
        if (files > 1) {
            Files.move(current(), older(1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(current());
        }
        size = 0;
    }

    /** The last {@code tail} lines (all if negative) written after {@code since}, oldest first. */
    synchronized List<ServiceLogLine> read(int tail, @Nullable Instant since) {
        Deque<ServiceLogLine> kept = new ArrayDeque<>();
        List<Path> order = new ArrayList<>();
        for (int i = files - 1; i >= 1; i--) order.add(older(i));
        order.add(current());
        for (Path p : order) {
            if (!Files.exists(p)) continue;
            try {
                for (String raw : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    ServiceLogLine line = parse(raw);
                    if (since != null && line.time() != null && !line.time().isAfter(since)) continue;
                    kept.addLast(line);
                    if (tail >= 0 && kept.size() > tail) kept.removeFirst();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
        }
        return List.copyOf(kept);
    }

    private static ServiceLogLine parse(String raw) {
        int a = raw.indexOf(' ');
        int b = a < 0 ? -1 : raw.indexOf(' ', a + 1);
        if (a > 0 && b > a) {
            try {
                return new ServiceLogLine(
                        Instant.parse(raw.substring(0, a)), raw.substring(a + 1, b), raw.substring(b + 1));
            } catch (DateTimeParseException notOurs) {
                // fall through: a line written by hand
            }
        }
        return new ServiceLogLine(null, "stdout", raw);
    }
}
